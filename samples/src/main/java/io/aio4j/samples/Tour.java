package io.aio4j.samples;

import io.aio4j.samples.basics.CreateTasks;
import io.aio4j.samples.basics.FetchData;
import io.aio4j.samples.basics.TaskWorkers;
import io.aio4j.samples.crawler.Crawler;
import io.aio4j.samples.debug.DebugMode;
import io.aio4j.samples.files.AsyncFilesSample;
import io.aio4j.samples.net.StreamEcho;
import io.aio4j.samples.net.TcpEcho;
import io.aio4j.samples.net.UdpEcho;
import io.aio4j.samples.practices.BestPractices;
import io.aio4j.samples.practices.TaskGroupSample;
import io.aio4j.samples.protocols.AsyncIteratorSample;
import io.aio4j.samples.protocols.AsyncResourceSample;
import io.aio4j.samples.sync.EventWaiters;
import io.aio4j.samples.sync.LimitedConcurrent;
import io.aio4j.samples.sync.LockWorkers;
import io.aio4j.samples.sync.QueueProducerConsumer;
import io.aio4j.samples.sync.SemaphoreWorkers;
import io.aio4j.samples.threads.BlockingVsNonBlocking;
import io.aio4j.samples.threads.RunInExecutor;
import io.aio4j.samples.threads.ToThread;
import io.aio4j.samples.basics.GatherResults;
import io.aio4j.samples.basics.GatherTasks;
import io.aio4j.samples.basics.Greet;
import io.aio4j.samples.basics.Hello;
import io.aio4j.samples.basics.SayAfter;
import io.aio4j.samples.basics.WaitTasks;
import io.aio4j.samples.generators.AsyncRange;
import io.aio4j.samples.http.FetchLengths;
import io.aio4j.samples.http.FetchUrls;
import io.aio4j.samples.http.HttpGather;
import io.aio4j.samples.http.PostJson;
import io.aio4j.samples.web.WebApp;
import io.aio4j.samples.ws.WebSocketEcho;
import io.aio4j.samples.timeouts.WaitForOperation;
import io.aio4j.samples.timeouts.WaitForTimeout;
import io.aio4j.testkit.AioTesting;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tour: every ported seed program in order, each under a heading, printing what the Python
 * original prints.
 *
 * <pre>
 * Tour               run every sample, fast-forwarding their sleeps on a virtual clock
 * Tour --real-time   at the programs' real pace (about 75 s for the whole tour)
 * Tour --list        list the samples
 * Tour NAME...       run the named samples
 * </pre>
 *
 * <p>By default each program runs on the test kit's virtual clock ({@code AioTesting.withVirtualTime}):
 * when every task waits on a timer, time jumps, so the tour prints exactly what the programs print at
 * real pace, in the same order, in a few seconds, and says after each how much loop time passed. Real
 * network, thread and disk work still takes its real time.
 */
public final class Tour {
    /** Every sample, in tour order. */
    public static final List<Sample> SAMPLES = List.of(
            // seed 000: Python 异步网络编程概览
            new Sample("hello", "seed 000 · asyncio 基本概念", () -> Hello.main(new String[0])),
            new Sample("gather-tasks", "seed 000 · 协程并发", () -> GatherTasks.main(new String[0])),
            new Sample("tcp-echo", "seed 000 · asyncio TCP 客户端 + 服务器", () -> TcpEcho.main(new String[0])),
            new Sample("http-gather", "seed 000 · asyncio HTTP 请求", () -> HttpGather.main(new String[0])),
            new Sample("udp-echo", "seed 000 · asyncio UDP", () -> UdpEcho.main(new String[0])),
            new Sample("task-workers", "seed 000 · Task 任务管理", () -> TaskWorkers.main(new String[0])),
            new Sample("wait-for-timeout", "seed 000 · 超时处理", () -> WaitForTimeout.main(new String[0])),
            new Sample("limited-concurrent", "seed 000 · 并发控制", () -> LimitedConcurrent.main(new String[0])),
            // seed 001: Python 异步网络编程
            new Sample("fetch-data", "seed 001 · asyncio 模块", () -> FetchData.main(new String[0])),
            new Sample("fetch-urls", "seed 001 · 异步HTTP客户端示例", () -> FetchUrls.main(new String[0])),
            new Sample("websocket-echo", "seed 001 · WebSocket 服务器", () -> WebSocketEcho.main(new String[0])),
            new Sample("crawler", "seed 001 · 高性能爬虫架构", () -> Crawler.main(new String[0])),
            new Sample("to-thread", "seed 001 · 如何避免阻塞事件循环", () -> ToThread.main(new String[0])),
            new Sample("debug-mode", "seed 001 · 调试技巧", () -> DebugMode.main(new String[0])),
            // seed 002: 异步编程
            new Sample("greet", "seed 002 · async/await 语法", () -> Greet.main(new String[0])),
            new Sample("create-tasks", "seed 002 · 创建任务", () -> CreateTasks.main(new String[0])),
            new Sample("gather-results", "seed 002 · 并发执行 gather", () -> GatherResults.main(new String[0])),
            new Sample("wait-tasks", "seed 002 · wait", () -> WaitTasks.main(new String[0])),
            new Sample("wait-for-operation", "seed 002 · wait_for", () -> WaitForOperation.main(new String[0])),
            new Sample("async-range", "seed 002 · 异步生成器", () -> AsyncRange.main(new String[0])),
            new Sample("async-resource", "seed 002 · 异步上下文管理器", () -> AsyncResourceSample.main(new String[0])),
            new Sample("async-iterator", "seed 002 · 异步迭代器", () -> AsyncIteratorSample.main(new String[0])),
            new Sample("blocking-vs-nonblocking", "seed 002 · 阻塞 vs 非阻塞", () -> BlockingVsNonBlocking.main(new String[0])),
            new Sample("run-in-executor", "seed 002 · run_in_executor", () -> RunInExecutor.main(new String[0])),
            new Sample("async-files", "seed 002 · 读写流 (aiofiles)", () -> AsyncFilesSample.main(new String[0])),
            new Sample("stream-echo", "seed 002 · 网络流", () -> StreamEcho.main(new String[0])),
            new Sample("lock-workers", "seed 002 · Lock", () -> LockWorkers.main(new String[0])),
            new Sample("event-waiters", "seed 002 · Event", () -> EventWaiters.main(new String[0])),
            new Sample("queue-producer-consumer", "seed 002 · Queue", () -> QueueProducerConsumer.main(new String[0])),
            new Sample("semaphore-workers", "seed 002 · 信号量", () -> SemaphoreWorkers.main(new String[0])),
            new Sample("fetch-lengths", "seed 002 · aiohttp", () -> FetchLengths.main(new String[0])),
            new Sample("post-json", "seed 002 · 异步 POST 请求", () -> PostJson.main(new String[0])),
            new Sample("best-practices", "seed 002 · 最佳实践", () -> BestPractices.main(new String[0])),
            new Sample("task-group", "seed 002 · asyncio.TaskGroup", () -> TaskGroupSample.main(new String[0])),
            // seed 003: Python asyncio入门教程
            new Sample("say-after", "seed 003 · asyncio.run() 与并发执行", () -> SayAfter.main(new String[0])),
            // beyond the seeds: the server side of aiohttp
            new Sample("web-app", "aiohttp.web · hello world, a JSON API, a WebSocket chat", () -> WebApp.main(new String[0])));

    private Tour() {
    }

    public static void main(String[] args) throws Exception {
        // the seeds print Chinese: write UTF-8 whatever the platform's console encoding
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>(Arrays.asList(args));
        boolean realTime = names.remove("--real-time");
        if (names.remove("--list")) {
            for (Sample s : SAMPLES) {
                System.out.printf("%-24s %s%n", s.name(), s.source());
            }
            return;
        }
        List<Sample> chosen = new ArrayList<>();
        for (String n : names) {
            chosen.add(SAMPLES.stream().filter(s -> s.name().equals(n)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no sample named '" + n + "'; run the tour with --list to see them")));
        }
        if (chosen.isEmpty()) {
            chosen = SAMPLES;
        }
        long start = System.nanoTime();
        for (Sample s : chosen) {
            System.out.println();
            System.out.println("== " + s.name() + " (" + s.source() + ")");
            if (realTime) {
                s.program().run();
            } else {
                long t0 = System.nanoTime();
                double loopTime = AioTesting.withVirtualTime(500, 3000, s.program()::run); // 3 s: the stand-in's /delay/2
                System.out.printf("   [%.1f s of loop time, %.2f s real]%n", loopTime, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.out.printf("%n%d sample(s) in %.1f s on aio4j, Java %s%s%n", chosen.size(),
                (System.nanoTime() - start) / 1e9, Runtime.version(),
                realTime ? "" : " (sleeps fast-forwarded on a virtual clock; --real-time for the real pace)");
    }
}
