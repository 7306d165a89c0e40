package io.aio4j.bench;

import io.aio4j.Aio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The memory benchmark's JVM rows: {@code Sleepers KIND N} starts N sleeping tasks and prints how
 * much the process's resident memory grew, in KiB ({@code GROWTH kib}), and how many bytes of live
 * heap each task holds after a full GC ({@code HEAP bytes-per-task}). The Python rows are
 * {@code python/sleepers.py}.
 */
public final class Sleepers {
    private Sleepers() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        settle();
        long before = rssKib();
        long heapBefore = heapUsed();
        long[] after = new long[1];
        Runnable measure = () -> {
            settle();
            after[0] = rssKib();
            System.out.println("HEAP " + (heapUsed() - heapBefore) / n);
        };
        switch (args[0]) {
            case "aio4j" -> Aio.run(() -> {
                for (int i = 0; i < n; i++) {
                    Aio.createTask(() -> Aio.sleep(3600));
                }
                Aio.sleep(0); // every task has started and is parked in its sleep
                measure.run();
                System.exit(print(before, after[0]));
            });
            case "kotlinx" -> {
                Kotlinx.sleepers(n, measure);
                System.exit(print(before, after[0]));
            }
            case "vthreads" -> {
                CountDownLatch never = new CountDownLatch(1);
                CountDownLatch started = new CountDownLatch(n);
                for (int i = 0; i < n; i++) {
                    Thread.ofVirtual().start(() -> {
                        started.countDown();
                        try {
                            Thread.sleep(3_600_000);
                        } catch (InterruptedException e) {
                            never.countDown();
                        }
                    });
                }
                started.await();
                Thread.sleep(200); // let the last ones reach their sleep
                measure.run();
                System.exit(print(before, after[0]));
            }
            default -> throw new IllegalArgumentException("unknown kind: " + args[0]);
        }
    }

    private static int print(long before, long after) {
        System.out.println("GROWTH " + (after - before));
        System.out.flush();
        return 0;
    }

    private static long heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static void settle() {
        System.gc();
        System.gc();
    }

    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
