package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.bridge.Carrier;
import io.aio4j.Task;
import io.aio4j.bridge.Suspend;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import kotlin.Unit;
import kotlinx.coroutines.channels.BufferOverflow;
import kotlinx.coroutines.channels.Channel;
import kotlinx.coroutines.channels.ChannelKt;

/**
 * The foundation's quick side-by-side bench: a ping-pong between two tasks through the bridge,
 * spawn+await of 100k tasks, and 1M {@code sleep(0)} yields; the same work with plain virtual
 * threads and with CPython asyncio (and uvloop when a python3 with it is found), in one run.
 * Reports nanoseconds per operation (best of 5 runs) and the ratio to asyncio.
 *
 * <p>"ping-pong" is the same shape on both sides (a one-shot suspension resumed by the other task;
 * asyncio: a Future); "ping-pong/kotlinx-channel" goes through kotlinx rendezvous channels with
 * {@code Suspend.call}, which adds kotlinx's channel machinery to every hop.
 *
 * <p>Run: {@code mvn -Pquickbench -pl bench -am verify}. Timings are for comparison within one run
 * only; the machine is shared and noisy.
 */
public final class QuickBench {
    private static final int ROUNDS = 5;
    private static final int PING_PONGS = 100_000;
    private static final int SPAWNS = 100_000;
    private static final int YIELDS = 1_000_000;

    private QuickBench() {
    }

    public static void main(String[] args) throws Exception {
        Path benchDir = Path.of(args.length > 0 ? args[0] : "bench");
        Map<String, Map<String, Double>> table = new LinkedHashMap<>();
        if (Carrier.byDefault() == Carrier.loopThread()) { // the JVM grants the loop-thread carrier
            table.put("aio4j (loop-thread)", aioRow(Carrier.loopThread()));
        }
        table.put("aio4j (virtual threads)", aioRow(Carrier.virtualThreads()));
        config = Config.defaults().debug(true); // what debug mode costs when it is on (off costs nothing)
        table.put("aio4j, debug mode on", Map.of(
                "ping-pong", best(n -> Workloads.fiberHandoffPingPong(config, n), PING_PONGS),
                "spawn-await", best(n -> Workloads.spawnAwait(config, n), SPAWNS),
                "sleep0", best(n -> Workloads.sleep0(config, n), YIELDS)));
        config = Config.defaults();
        table.put("plain virtual threads", Map.of(
                "ping-pong", best(n -> Workloads.vtPingPong(SynchronousQueue::new, n), PING_PONGS),
                "spawn-await", best(QuickBench::vtSpawnJoin, SPAWNS),
                "sleep0", best(Workloads::vtYield, YIELDS)));
        Path script = benchDir.resolve("python/quick_bench.py");
        Map<String, Double> asyncio = python(script, false);
        table.put("CPython asyncio", asyncio);
        table.put("uvloop", python(script, true));
        print(table, asyncio);
    }

    // ---- aio4j -----------------------------------------------------------------------------------

    /** Every aio4j row on {@code carrier}. */
    private static Map<String, Double> aioRow(Carrier carrier) throws Exception {
        config = Config.defaults().withCarrier(carrier);
        return Map.of(
                "ping-pong", best(n -> Workloads.fiberHandoffPingPong(config, n), PING_PONGS),
                "queue-ping-pong", best(n -> Workloads.queuePingPong(config, n), PING_PONGS),
                "ping-pong/kotlinx-channel", best(QuickBench::aioChannelPingPong, PING_PONGS),
                "spawn-await", best(n -> Workloads.spawnAwait(config, n), SPAWNS),
                "sleep0", best(n -> Workloads.sleep0(config, n), YIELDS));
    }

    /** The configuration the aio4j rows run with. */
    private static Config config = Config.defaults();

    /** Ping-pong over two kotlinx rendezvous channels, called through {@code Suspend.call}. */
    static void aioChannelPingPong(int n) {
        Aio.run(config, () -> {
            Channel<Integer> ping = ChannelKt.Channel(0, BufferOverflow.SUSPEND, null);
            Channel<Integer> pong = ChannelKt.Channel(0, BufferOverflow.SUSPEND, null);
            Task<Void> ponger = Aio.createTask(() -> {
                for (int i = 0; i < n; i++) {
                    Integer x = Suspend.call(ping::receive);
                    Suspend.<Unit>call(k -> pong.send(x, k));
                }
            });
            for (int i = 0; i < n; i++) {
                Integer x = i;
                Suspend.<Unit>call(k -> ping.send(x, k));
                Suspend.call(pong::receive);
            }
            ponger.await();
        });
    }

    // ---- plain virtual threads -------------------------------------------------------------------

    static void vtSpawnJoin(int n) throws Exception {
        Thread[] threads = new Thread[n];
        long[] results = new long[n];
        for (int i = 0; i < n; i++) {
            int x = i;
            threads[i] = Thread.ofVirtual().start(() -> results[x] = x);
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            threads[i].join();
            s += results[i];
        }
        if (s < 0) {
            throw new AssertionError();
        }
    }

    // ---- harness ---------------------------------------------------------------------------------

    @FunctionalInterface
    interface Work {
        void run(int n) throws Exception;
    }

    static double best(Work w, int n) {
        try {
            w.run(n); // warm-up
            double best = Double.MAX_VALUE;
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                w.run(n);
                best = Math.min(best, (System.nanoTime() - t0) / (double) n);
            }
            return best;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the Python side with every python3 on PATH until one answers (for uvloop: one that has it). */
    static Map<String, Double> python(Path script, boolean uvloop) throws Exception {
        Set<String> candidates = new LinkedHashSet<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "python3");
            if (Files.isExecutable(p)) {
                candidates.add(p.toString());
            }
        }
        for (String python : candidates) {
            List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
            if (uvloop) {
                cmd.add("--uvloop");
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Map<String, Double> rows = new LinkedHashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] f = line.trim().split(" ");
                    if (f.length == 2) {
                        rows.put(f[0], Double.parseDouble(f[1]));
                    }
                }
            }
            if (p.waitFor() == 0 && !rows.isEmpty()) {
                return rows;
            }
        }
        return Map.of(); // the table says the peer is missing
    }

    static void print(Map<String, Map<String, Double>> table, Map<String, Double> asyncio) {
        List<String> benchmarks = List.of("ping-pong", "queue-ping-pong", "ping-pong/kotlinx-channel", "spawn-await", "sleep0");
        System.out.printf("%nquick bench (ns per op, best of %d; x = times faster than CPython asyncio)%n", ROUNDS);
        System.out.printf("%-26s", "");
        for (String b : benchmarks) {
            System.out.printf("%28s", b);
        }
        System.out.println();
        for (var row : table.entrySet()) {
            System.out.printf("%-26s", row.getKey());
            for (String b : benchmarks) {
                Double ns = row.getValue().get(b);
                Double base = asyncio.get(b);
                if (ns == null) {
                    System.out.printf("%28s", row.getValue().isEmpty() ? "missing (not installed)" : "-");
                } else if (base == null) {
                    System.out.printf("%28s", String.format("%.0f", ns));
                } else {
                    System.out.printf("%28s", String.format("%.0f (%.1fx)", ns, base / ns));
                }
            }
            System.out.println();
        }
        System.out.println("JVM: " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
    }
}
