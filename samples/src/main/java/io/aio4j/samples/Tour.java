package io.aio4j.samples;

import io.aio4j.samples.basics.CreateTasks;
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
import io.aio4j.samples.ws.WebSocketEcho;
import io.aio4j.samples.timeouts.WaitForOperation;
import io.aio4j.samples.timeouts.WaitForTimeout;
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
 * Tour            run every sample
 * Tour --list     list the samples
 * Tour NAME...    run the named samples
 * </pre>
 */
public final class Tour {
    /** Every sample, in tour order. */
    public static final List<Sample> SAMPLES = List.of(
            new Sample("hello", "seed 000 · asyncio 基本概念", () -> Hello.main(new String[0])),
            new Sample("gather-tasks", "seed 000 · 协程并发", () -> GatherTasks.main(new String[0])),
            new Sample("say-after", "seed 003 · asyncio.run() 与并发执行", () -> SayAfter.main(new String[0])),
            new Sample("greet", "seed 002 · async/await 语法", () -> Greet.main(new String[0])),
            new Sample("create-tasks", "seed 002 · 创建任务", () -> CreateTasks.main(new String[0])),
            new Sample("gather-results", "seed 002 · 并发执行 gather", () -> GatherResults.main(new String[0])),
            new Sample("wait-tasks", "seed 002 · wait", () -> WaitTasks.main(new String[0])),
            new Sample("wait-for-timeout", "seed 000 · 超时处理", () -> WaitForTimeout.main(new String[0])),
            new Sample("wait-for-operation", "seed 002 · wait_for", () -> WaitForOperation.main(new String[0])),
            new Sample("async-range", "seed 002 · 异步生成器", () -> AsyncRange.main(new String[0])),
            new Sample("http-gather", "seed 000 · asyncio HTTP 请求", () -> HttpGather.main(new String[0])),
            new Sample("fetch-urls", "seed 001 · 异步HTTP客户端示例", () -> FetchUrls.main(new String[0])),
            new Sample("fetch-lengths", "seed 002 · aiohttp", () -> FetchLengths.main(new String[0])),
            new Sample("post-json", "seed 002 · 异步 POST 请求", () -> PostJson.main(new String[0])),
            new Sample("websocket-echo", "seed 001 · WebSocket 服务器", () -> WebSocketEcho.main(new String[0])));

    private Tour() {
    }

    public static void main(String[] args) throws Exception {
        // the seeds print Chinese: write UTF-8 whatever the platform's console encoding
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>(Arrays.asList(args));
        if (names.remove("--list")) {
            for (Sample s : SAMPLES) {
                System.out.printf("%-16s %s%n", s.name(), s.source());
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
            s.program().run();
        }
        System.out.printf("%n%d sample(s) in %.1f s on aio4j, Java %s%n",
                chosen.size(), (System.nanoTime() - start) / 1e9, Runtime.version());
    }
}
