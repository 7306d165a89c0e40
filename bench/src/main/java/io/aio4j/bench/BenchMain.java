package io.aio4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole benchmark, side by side in one run: micro (JMH for the JVM rows, {@code python/micro.py}
 * for asyncio and uvloop), the TCP echo macro benchmark (every contender's server in its own process,
 * driven by one C load client), the memory of 100k sleeping tasks, the HTTP client and the WebSocket
 * echo ({@link WsBench}), the HTTP server ({@link WebBench}). Writes {@code RESULTS.md}.
 *
 * <pre>
 * mvn -Pbench -pl bench -am verify                       everything (about ten minutes)
 * mvn -Pbench -pl bench -am verify -Dbench.args=--quick  shorter runs, for a smoke test
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    static final String[] MICRO = {"pingPong", "spawnAwait", "sleep0", "lockHandoff", "gather"};
    static final Map<String, String> MICRO_TITLES = Map.of(
            "pingPong", "ping-pong round trip through a queue (ns per round trip)",
            "spawnAwait", "spawn + await of 100k tasks (ns per task)",
            "sleep0", "`sleep(0)` yield (ns per yield)",
            "lockHandoff", "contended lock handoff, 10 tasks (ns per acquisition)",
            "gather", "gather of 10k tasks that each yield once (ns per task)");
    static final Map<String, String> JVM_ROWS = new LinkedHashMap<>();

    static {
        JVM_ROWS.put("aio4jLoop", "aio4j (loop-thread)");
        JVM_ROWS.put("aio4j", "aio4j (virtual threads)");
        JVM_ROWS.put("kotlinx", "raw kotlinx coroutines (Kotlin)");
        JVM_ROWS.put("vthreads", "plain virtual threads + j.u.c");
        JVM_ROWS.put("limitFiberHandoff", "limit: raw fiber handoff");
    }

    static final String[] ECHO_JVM = {"aio4j-loop", "aio4j", "aio4j-ktor", "kotlinx", "vthreads", "nio-limit"};
    static final Map<String, String> ECHO_TITLES = new LinkedHashMap<>();

    static {
        ECHO_TITLES.put("aio4j-loop", "aio4j (selector transport, loop-thread)");
        ECHO_TITLES.put("aio4j", "aio4j (selector transport, virtual threads)");
        ECHO_TITLES.put("aio4j-ktor", "aio4j (Ktor transport)");
        ECHO_TITLES.put("kotlinx", "raw kotlinx + Ktor sockets");
        ECHO_TITLES.put("vthreads", "plain virtual threads, blocking sockets");
        ECHO_TITLES.put("nio-limit", "limit: one-thread java.nio Selector, callbacks");
        ECHO_TITLES.put("asyncio", "CPython asyncio streams");
        ECHO_TITLES.put("uvloop", "uvloop streams");
    }

    private static boolean quick;
    private static Path dir;
    private static final StringBuilder log = new StringBuilder();

    public static void main(String[] args) throws Exception {
        dir = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                quick = true;
            }
        }
        String python = python(false);
        String uvPython = python(true);
        String asyncioPython = uvPython != null ? uvPython : python; // same interpreter for both rows

        Map<String, Map<String, Double>> micro = micro(asyncioPython, uvPython);
        Map<String, double[]> echo = echo(asyncioPython, uvPython);
        Map<String, Long> memory = memory(asyncioPython, uvPython);
        httpRows = http(uvPython);
        Map<String, double[]> ws = WsBench.run(dir, uvPython, loadClient(), quick, log);
        Map<String, List<double[]>> web = WebBench.run(dir, uvPython, quick, log);
        String md = report(micro, echo, memory, asyncioPython, uvPython) + WsBench.report(ws) + WebBench.report(web);
        Files.writeString(dir.resolve("RESULTS.md"), md);
        System.out.println(md);
        System.out.println("wrote " + dir.resolve("RESULTS.md"));
    }

    // ---- contenders' processes -------------------------------------------------------------------

    /** A python3 on this machine (one with uvloop when {@code uvloop}), or null. */
    static String python(boolean uvloop) {
        for (String candidate : new String[] {"python3", "/usr/bin/python3", "/usr/local/bin/python3"}) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", uvloop ? "import uvloop" : "import asyncio")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (IOException | InterruptedException e) {
                // try the next one
            }
        }
        return null;
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The java command for {@code mainClass}; aio4j in it runs on {@code carrier} ("loop-thread" or "virtual-threads"). */
    static List<String> java(String carrier, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaCommand(), "--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED",
                "-Daio4j.carrier=" + carrier, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed with exit code " + p.exitValue());
        }
        return out;
    }

    // ---- micro -----------------------------------------------------------------------------------

    static Map<String, Map<String, Double>> micro(String python, String uvPython) throws Exception {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        Options opts = new OptionsBuilder().include(Micro.class.getName() + "\\.")
                .warmupIterations(quick ? 1 : 3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(quick ? 2 : 5).measurementTime(TimeValue.seconds(1))
                .forks(1).jvm(javaCommand()).build();
        for (RunResult r : new Runner(opts).run()) {
            String label = r.getParams().getBenchmark();
            String method = label.substring(label.lastIndexOf('.') + 1);
            String bench = method.substring(0, method.indexOf('_'));
            String who = JVM_ROWS.get(method.substring(method.indexOf('_') + 1));
            rows.computeIfAbsent(who, k -> new LinkedHashMap<>()).put(bench, r.getPrimaryResult().getScore());
        }
        rows.put("CPython asyncio", python == null ? Map.of() : pythonMicro(python, false));
        rows.put("uvloop", uvPython == null ? Map.of() : pythonMicro(uvPython, true));
        return rows;
    }

    static Map<String, Double> pythonMicro(String python, boolean uvloop) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(python, dir.resolve("python/micro.py").toString()));
        if (uvloop) {
            cmd.add("--uvloop");
        }
        String json = run(cmd);
        Map<String, Double> m = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("\"(\\w+)\": ([0-9.eE+-]+)").matcher(json);
        while (matcher.find()) {
            m.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
        }
        return m;
    }

    // ---- echo ------------------------------------------------------------------------------------

    static final int[] SIZES = {1024, 10 * 1024, 100 * 1024};
    static final int[] CONCURRENCY = {10, 1000};

    /** "kind size conc" → {req/s, p50 µs, p99 µs}; a missing contender has no entries. */
    static Map<String, double[]> echo(String python, String uvPython) throws Exception {
        Map<String, double[]> results = new LinkedHashMap<>();
        Path load = loadClient();
        if (load == null) {
            log.append("- no C compiler (`cc`): the echo benchmark did not run\n");
            return results;
        }
        Map<String, List<String>> servers = new LinkedHashMap<>();
        for (String kind : ECHO_JVM) {
            servers.put(kind, kind.equals("aio4j-loop") ? java("loop-thread", EchoServers.class.getName(), "aio4j")
                    : java("virtual-threads", EchoServers.class.getName(), kind));
        }
        if (python != null) {
            servers.put("asyncio", List.of(python, dir.resolve("python/echo_server.py").toString()));
        }
        if (uvPython != null) {
            servers.put("uvloop", List.of(uvPython, dir.resolve("python/echo_server.py").toString(), "--uvloop"));
        }
        int seconds = quick ? 1 : 3;
        for (Map.Entry<String, List<String>> s : servers.entrySet()) {
            for (int size : SIZES) {
                for (int conc : CONCURRENCY) {
                    Process server = new ProcessBuilder(s.getValue()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                    try {
                        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                        String ready = out.readLine();
                        if (ready == null || !ready.startsWith("READY ")) {
                            throw new IOException(s.getKey() + " echo server did not start: " + ready);
                        }
                        String port = ready.substring(6).trim();
                        String line = run(List.of(load.toString(), port, String.valueOf(conc), String.valueOf(size),
                                String.valueOf(seconds))).trim();
                        String[] f = line.split(" ");
                        results.put(s.getKey() + " " + size + " " + conc,
                                new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                        System.out.printf("echo %-10s %6d B x %4d: %s%n", s.getKey(), size, conc, line);
                    } catch (IOException e) {
                        log.append("- echo ").append(s.getKey()).append(' ').append(size).append(" B x ").append(conc)
                                .append(": ").append(e.getMessage()).append('\n');
                    } finally {
                        server.destroyForcibly();
                        server.waitFor(10, TimeUnit.SECONDS);
                    }
                }
            }
        }
        return results;
    }

    private static Path loadClient;

    /** The C load client, compiled into target/ once per run; null without a C compiler. */
    static Path loadClient() throws InterruptedException {
        if (loadClient == null) {
            Path load = dir.resolve("target/echo_load");
            try {
                Files.createDirectories(load.getParent());
                run(List.of("cc", "-O2", "-o", load.toString(), dir.resolve("load/echo_load.c").toString()));
                loadClient = load;
            } catch (IOException e) {
                return null;
            }
        }
        return loadClient;
    }

    // ---- HTTP client ---------------------------------------------------------------------------

    /** HTTP client rows: contender -> {req/s, connections the server saw}. */
    static Map<String, double[]> httpRows = new LinkedHashMap<>();
    static final int HTTP_REQUESTS = 20_000; // the JVM clients warm up on half as many first (JIT)
    static final int HTTP_CONCURRENCY = 10;

    /**
     * 3,000 GETs of 1 KiB, 10 at once, over one session, against one aiohttp.web server (its own
     * process): aiohttp's client, then aio4j's on both carriers.
     */
    static Map<String, double[]> http(String python) throws Exception {
        Map<String, double[]> rows = new LinkedHashMap<>();
        if (python == null || !python(python, "import aiohttp")) {
            log.append("- HTTP client: no python3 with aiohttp (apt-get install python3-aiohttp): it did not run\n");
            return rows;
        }
        Path script = dir.resolve("python/http_bench.py");
        Process server = new ProcessBuilder(python, script.toString(), "server").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            if (ready == null || !ready.startsWith("READY ")) {
                throw new IOException("the aiohttp server did not start: " + ready);
            }
            String port = ready.substring(6).trim();
            String n = String.valueOf(quick ? HTTP_REQUESTS / 3 : HTTP_REQUESTS);
            String c = String.valueOf(HTTP_CONCURRENCY);
            Map<String, List<String>> clients = new LinkedHashMap<>();
            clients.put("aiohttp client", List.of(python, script.toString(), "client", port, n, c));
            clients.put("aio4j (loop-thread)", java("loop-thread", HttpClientBench.class.getName(), port, n, c));
            clients.put("aio4j (virtual threads)", java("virtual-threads", HttpClientBench.class.getName(), port, n, c));
            for (Map.Entry<String, List<String>> e : clients.entrySet()) {
                String out = run(e.getValue());
                rows.put(e.getKey(), new double[] {number(out, "REQS"), number(out, "CONNS")});
                System.out.printf("http %-24s %s%n", e.getKey(), out.strip());
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        return rows;
    }

    private static boolean python(String python, String check) {
        try {
            Process p = new ProcessBuilder(python, "-c", check).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    // ---- memory ----------------------------------------------------------------------------------

    static final int SLEEPERS = 100_000;

    /** Live heap per sleeping task (JVM, after a full GC), or traced bytes per task (asyncio's tracemalloc). */
    static final Map<String, Long> heapPerTask = new LinkedHashMap<>();

    static Map<String, Long> memory(String python, String uvPython) throws Exception {
        Map<String, Long> kib = new LinkedHashMap<>();
        for (String[] c : new String[][] {{"aio4j (loop-thread)", "aio4j", "loop-thread"},
                {"aio4j (virtual threads)", "aio4j", "virtual-threads"}, {"kotlinx", "kotlinx", "virtual-threads"},
                {"vthreads", "vthreads", "virtual-threads"}}) {
            String out = run(java(c[2], Sleepers.class.getName(), c[1], String.valueOf(SLEEPERS)));
            kib.put(c[0], growth(out));
            heapPerTask.put(c[0], number(out, "HEAP"));
        }
        if (python != null) {
            kib.put("asyncio", growth(run(List.of(python, dir.resolve("python/sleepers.py").toString(),
                    String.valueOf(SLEEPERS)))));
            heapPerTask.put("asyncio", number(run(List.of(python, dir.resolve("python/sleepers.py").toString(),
                    String.valueOf(SLEEPERS), "--traced")), "TRACED"));
        }
        if (uvPython != null) {
            kib.put("uvloop", growth(run(List.of(uvPython, dir.resolve("python/sleepers.py").toString(),
                    String.valueOf(SLEEPERS), "--uvloop"))));
        }
        return kib;
    }

    private static long growth(String out) {
        return number(out, "GROWTH");
    }

    private static long number(String out, String label) {
        Matcher m = Pattern.compile(label + " (-?\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    // ---- the report ------------------------------------------------------------------------------

    static String report(Map<String, Map<String, Double>> micro, Map<String, double[]> echo, Map<String, Long> memory,
            String python, String uvPython) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("# aio4j benchmarks\n\n");
        md.append("Written by `mvn -Pbench -pl bench -am verify` (").append(quick ? "--quick run, " : "")
                .append(LocalDate.now()).append("). All rows come from one run on one machine; compare ratios, ")
                .append("not absolute figures (the machine is shared and noisy).\n\n");
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch")).append('\n');
        md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(Runtime.version()).append('\n');
        md.append("- kotlinx-coroutines ").append(kotlinx.coroutines.CoroutineScopeKt.class.getPackage().getImplementationVersion() != null
                ? kotlinx.coroutines.CoroutineScopeKt.class.getPackage().getImplementationVersion() : "1.11.0")
                .append(", Kotlin ").append(KotlinVersionHolder.version()).append(", JMH 1.37\n");
        md.append("- Python: ").append(python == null ? "missing" : version(python, "import sys; print(sys.version.split()[0])"))
                .append(", uvloop: ").append(uvPython == null ? "missing (no python3 with uvloop; its rows are empty)"
                        : version(uvPython, "import uvloop; print(uvloop.__version__)")).append("\n\n");
        if (!log.isEmpty()) {
            md.append("What did not run:\n\n").append(log).append('\n');
        }

        md.append("## Micro benchmarks\n\n");
        md.append("Times per operation; \"x asyncio\" is how many times faster than CPython asyncio, "
                + "\"x kotlinx\" the same against raw kotlinx coroutines (below 1: slower).\n\n");
        Map<String, Double> asyncio = micro.getOrDefault("CPython asyncio", Map.of());
        Map<String, Double> kotlinx = micro.getOrDefault(JVM_ROWS.get("kotlinx"), Map.of());
        for (String b : MICRO) {
            md.append("### ").append(MICRO_TITLES.get(b)).append("\n\n| contender | ns/op | x asyncio | x kotlinx |\n|---|---:|---:|---:|\n");
            for (Map.Entry<String, Map<String, Double>> row : micro.entrySet()) {
                Double v = row.getValue().get(b);
                if (v == null && !row.getKey().equals("uvloop") && !row.getKey().equals("CPython asyncio")) {
                    continue; // the limit row exists for ping-pong only
                }
                md.append("| ").append(row.getKey()).append(" | ").append(v == null ? "missing" : fmt(v)).append(" | ")
                        .append(ratio(asyncio.get(b), v)).append(" | ").append(ratio(kotlinx.get(b), v)).append(" |\n");
            }
            md.append('\n');
        }

        md.append("## TCP echo\n\nEach server in its own process, asyncio-streams style (read what is there, write it, ")
                .append("drain), driven by the same C load client (`load/echo_load.c`): each connection sends a message and ")
                .append("waits for all of it to come back. Requests per second and p99 latency.\n\n");
        for (int size : SIZES) {
            for (int conc : CONCURRENCY) {
                md.append("### ").append(size / 1024).append(" KiB messages, ").append(conc).append(" connections\n\n")
                        .append("| server | req/s | p99 µs | x asyncio | x kotlinx | of nio limit |\n|---|---:|---:|---:|---:|---:|\n");
                double[] a = echo.get("asyncio " + size + " " + conc);
                double[] k = echo.get("kotlinx " + size + " " + conc);
                double[] lim = echo.get("nio-limit " + size + " " + conc);
                for (String kind : ECHO_TITLES.keySet()) {
                    double[] r = echo.get(kind + " " + size + " " + conc);
                    md.append("| ").append(ECHO_TITLES.get(kind)).append(" | ");
                    if (r == null) {
                        md.append("missing | | | | |\n");
                        continue;
                    }
                    md.append(fmt(r[0])).append(" | ").append(fmt(r[2])).append(" | ")
                            .append(a == null ? "" : String.format(Locale.ROOT, "%.2fx", r[0] / a[0])).append(" | ")
                            .append(k == null ? "" : String.format(Locale.ROOT, "%.2fx", r[0] / k[0])).append(" | ")
                            .append(lim == null ? "" : String.format(Locale.ROOT, "%.2f", r[0] / lim[0])).append(" |\n");
                }
                md.append('\n');
            }
        }

        md.append("## Memory of 100k sleeping tasks\n\nGrowth of the process's resident memory when 100,000 tasks ")
                .append("sleep (after a GC on the JVM), per process; and the live heap each task holds after a full GC ")
                .append("(asyncio: the bytes tracemalloc traces per task).\n\n| contender | RSS MiB | RSS bytes per task | RSS x asyncio ")
                .append("| heap (traced) bytes per task | heap x asyncio |\n|---|---:|---:|---:|---:|---:|\n");
        Long am = memory.get("asyncio");
        Long ah = heapPerTask.get("asyncio");
        for (Map.Entry<String, Long> e : memory.entrySet()) {
            Long h = heapPerTask.get(e.getKey());
            md.append("| ").append(e.getKey()).append(" | ").append(String.format(Locale.ROOT, "%.1f", e.getValue() / 1024.0))
                    .append(" | ").append(e.getValue() * 1024 / SLEEPERS).append(" | ")
                    .append(am == null || e.getValue() <= 0 ? "" : String.format(Locale.ROOT, "%.2f", (double) e.getValue() / am))
                    .append(" | ").append(h == null || h < 0 ? "" : h).append(" | ")
                    .append(ah == null || h == null || h <= 0 ? "" : String.format(Locale.ROOT, "%.2f", (double) h / ah))
                    .append(" |\n");
        }
        md.append("\n## HTTP client\n\n").append(HTTP_REQUESTS).append(" GETs of 1 KiB, ").append(HTTP_CONCURRENCY)
                .append(" at once, over one session, against one aiohttp.web server; connections: how many the server saw.\n\n")
                .append("| client | req/s | x aiohttp | connections |\n|---|---:|---:|---:|\n");
        double[] aio = httpRows.get("aiohttp client");
        for (Map.Entry<String, double[]> e : httpRows.entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(fmt(e.getValue()[0])).append(" | ")
                    .append(aio == null ? "" : String.format(Locale.ROOT, "%.2fx", e.getValue()[0] / aio[0])).append(" | ")
                    .append((long) e.getValue()[1]).append(" |\n");
        }
        double[] loopHttp = httpRows.get("aio4j (loop-thread)");
        md.append("\n- target (HTTP client ≥ 1.5x aiohttp's client, at most one connection per concurrent request): ")
                .append(aio == null || loopHttp == null ? "not measured" : String.format(Locale.ROOT, "%.2fx, %d connections",
                        loopHttp[0] / aio[0], (long) loopHttp[1]) + (loopHttp[0] / aio[0] >= 1.5 && loopHttp[1] <= HTTP_CONCURRENCY
                        ? " — met" : " — **missed**")).append('\n');
        md.append('\n').append(targets(micro, echo, memory));
        return md.toString();
    }

    static String targets(Map<String, Map<String, Double>> micro, Map<String, double[]> echo, Map<String, Long> memory) {
        StringBuilder t = new StringBuilder("## Targets (the engine issue; ratios from this run)\n\n");
        Map<String, Double> loop = micro.getOrDefault(JVM_ROWS.get("aio4jLoop"), Map.of());
        Map<String, Double> uv = micro.getOrDefault("uvloop", Map.of());
        t.append(target("loop-thread: queue ping-pong ≥ 8x faster than uvloop", uv.get("pingPong"), loop.get("pingPong"), 8));
        t.append(target("loop-thread: spawn+await ≥ 15x faster than uvloop", uv.get("spawnAwait"), loop.get("spawnAwait"), 15));
        Long h = heapPerTask.get("aio4j (loop-thread)");
        Long ah = heapPerTask.get("asyncio");
        t.append("- loop-thread: live heap per sleeping task ≤ 0.8x asyncio's traced bytes: ").append(h == null || ah == null
                || h <= 0 || ah <= 0 ? "not measured\n" : String.format(Locale.ROOT, "%d B vs %d B = %.2fx", h, ah, (double) h / ah)
                + ((double) h / ah <= 0.8 ? " — met\n" : " — **missed**\n"));
        for (int size : SIZES) {
            for (int conc : CONCURRENCY) {
                double[] a = echo.get("aio4j-loop " + size + " " + conc);
                double[] l = echo.get("nio-limit " + size + " " + conc);
                double[] u = echo.get("uvloop " + size + " " + conc);
                String name = "loop-thread: echo " + size / 1024 + " KiB x " + conc;
                if (a == null) {
                    t.append("- ").append(name).append(": not measured\n");
                    continue;
                }
                t.append("- ").append(name).append(": ");
                if (size == 1024 && conc == 10) {
                    t.append(l == null ? "nio limit not measured" : ratioLine(a[0] / l[0], 0.9, "of the nio limit (≥ 0.9)")).append("; ")
                            .append(u == null ? "uvloop not measured" : ratioLine(a[0] / u[0], 1.1, "x uvloop (≥ 1.1)")).append('\n');
                } else {
                    t.append(u == null ? "uvloop not measured" : ratioLine(a[0] / u[0], 1.0, "x uvloop (≥ 1.0)")).append('\n');
                }
            }
        }
        return t.toString();
    }

    private static String ratioLine(double r, double need, String what) {
        return String.format(Locale.ROOT, "%.2f %s", r, what) + (r >= need ? " — met" : " — **missed**");
    }

    private static String target(String name, Double uvloopNs, Double aioNs, double need) {
        if (uvloopNs == null || aioNs == null) {
            return "- " + name + ": not measured\n";
        }
        double r = uvloopNs / aioNs;
        return "- " + name + ": " + String.format(Locale.ROOT, "%.2fx", r) + (r >= need ? " — met\n" : " — **missed**\n");
    }

    private static String ratio(Double base, Double v) {
        return base == null || v == null ? "" : String.format(Locale.ROOT, "%.2fx", base / v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String version(String python, String code) {
        try {
            return run(List.of(python, "-c", code)).trim() + " (" + python + ")";
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Kotlin's version, from the stdlib. */
    static final class KotlinVersionHolder {
        static String version() {
            return kotlin.KotlinVersion.CURRENT.toString();
        }
    }
}
