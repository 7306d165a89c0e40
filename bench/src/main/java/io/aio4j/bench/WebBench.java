package io.aio4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP server benchmark: aiohttp's hello world ({@code GET /} → {@code Hello, World!}) over
 * keep-alive, 50 connections, driven by one load client — {@code wrk -t1 -c50}, from the
 * distribution's packages — against aio4j's server (both carriers), Ktor's CIO server engine (the
 * alternative aio4j's server was chosen against) and aiohttp.web (asyncio and uvloop), each server in
 * its own process, each measured in {@link #RUNS} fresh processes (the spread is over JVM runs).
 */
final class WebBench {
    private WebBench() {
    }

    static final int CONNECTIONS = 50;
    static final int RUNS = 3;

    /** server -> per run {req/s, p50 µs, p99 µs}. */
    static Map<String, List<double[]>> run(Path dir, String python, boolean quick, StringBuilder log) throws Exception {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        if (!hasWrk()) {
            log.append("- HTTP server: no wrk (apt-get install wrk): it did not run\n");
            return rows;
        }
        Map<String, List<String>> servers = new LinkedHashMap<>();
        servers.put("aio4j (loop-thread)", BenchMain.java("loop-thread", WebHelloServer.class.getName()));
        servers.put("aio4j (virtual threads)", BenchMain.java("virtual-threads", WebHelloServer.class.getName()));
        servers.put("Ktor CIO engine", BenchMain.java("virtual-threads", KtorHelloServer.class.getName()));
        if (python != null && hasAiohttp(python)) {
            Path script = dir.resolve("python/web_server.py");
            servers.put("aiohttp.web (asyncio)", List.of(python, script.toString()));
            servers.put("aiohttp.web (uvloop)", List.of(python, script.toString(), "--uvloop"));
        } else {
            log.append("- HTTP server: no python3 with aiohttp and uvloop (apt-get install python3-aiohttp python3-uvloop): "
                    + "its aiohttp rows did not run\n");
        }
        int runs = quick ? 1 : RUNS;
        String seconds = quick ? "2s" : "5s";
        for (Map.Entry<String, List<String>> s : servers.entrySet()) {
            for (int i = 0; i < runs; i++) {
                Process server = new ProcessBuilder(s.getValue()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try {
                    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
                    String ready = out.readLine();
                    while (ready != null && !ready.startsWith("READY ")) {
                        ready = out.readLine();
                    }
                    if (ready == null) {
                        throw new IOException(s.getKey() + " did not start");
                    }
                    String url = "http://127.0.0.1:" + ready.substring(6).trim() + "/";
                    BenchMain.run(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + (quick ? "1s" : "3s"), url)); // warm-up
                    double[] r = parse(BenchMain.run(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds, "--latency", url)));
                    rows.computeIfAbsent(s.getKey(), k -> new ArrayList<>()).add(r);
                    System.out.printf("web %-24s run %d: %.0f req/s p99 %.0f us%n", s.getKey(), i + 1, r[0], r[2]);
                } catch (IOException e) {
                    log.append("- HTTP server ").append(s.getKey()).append(": ").append(e.getMessage()).append('\n');
                } finally {
                    server.destroyForcibly();
                    server.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        return rows;
    }

    /** wrk's output: Requests/sec, and the 50% and 99% latencies in µs. */
    static double[] parse(String wrk) throws IOException {
        Matcher rps = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(wrk);
        if (!rps.find()) {
            throw new IOException("wrk printed no Requests/sec: " + wrk);
        }
        return new double[] {Double.parseDouble(rps.group(1)), latency(wrk, "50%"), latency(wrk, "99%")};
    }

    private static double latency(String wrk, String pct) {
        Matcher m = Pattern.compile(pct + "\\s+([\\d.]+)(us|ms|s)").matcher(wrk);
        if (!m.find()) {
            return -1;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v;
            case "ms" -> v * 1000;
            default -> v * 1_000_000;
        };
    }

    private static boolean hasWrk() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static boolean hasAiohttp(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import aiohttp, uvloop").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The median run's figures (by req/s). */
    private static double[] median(List<double[]> runs) {
        List<double[]> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        return sorted.get(sorted.size() / 2);
    }

    static String report(Map<String, List<double[]>> rows) {
        StringBuilder md = new StringBuilder("## HTTP server\n\naiohttp's hello world (`GET /` → `Hello, World!`) over keep-alive, ")
                .append(CONNECTIONS).append(" connections, driven by one load client (`wrk -t1 -c").append(CONNECTIONS)
                .append("`, after a warm-up), every server in its own process with its defaults (access logs off). ")
                .append("Each row is the median of its runs in fresh processes; the spread is the lowest and highest run.\n\n")
                .append("| server | req/s | spread | p50 µs | p99 µs | x aiohttp.web |\n|---|---:|---|---:|---:|---:|\n");
        List<double[]> aio = rows.get("aiohttp.web (asyncio)");
        double[] base = aio == null ? null : median(aio);
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            double[] m = median(e.getValue());
            double lo = e.getValue().stream().mapToDouble(r -> r[0]).min().orElse(0);
            double hi = e.getValue().stream().mapToDouble(r -> r[0]).max().orElse(0);
            md.append("| ").append(e.getKey()).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f | %,.0f–%,.0f | %,.0f | %,.0f | ", m[0], lo, hi, m[1], m[2]))
                    .append(base == null ? "" : String.format(Locale.ROOT, "%.2fx", m[0] / base[0])).append(" |\n");
        }
        List<double[]> a = rows.get("aio4j (loop-thread)");
        md.append("\n- target (hello world ≥ 2x aiohttp.web's req/s, p99 beside it): ")
                .append(a == null || base == null ? "not measured" : String.format(Locale.ROOT, "%.2fx (p99 %,.0f µs vs %,.0f µs)",
                        median(a)[0] / base[0], median(a)[2], base[2]) + (median(a)[0] / base[0] >= 2 ? " — met" : " — **missed**"))
                .append("\n\n");
        return md.toString();
    }
}
