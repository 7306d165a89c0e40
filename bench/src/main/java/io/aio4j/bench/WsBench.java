package io.aio4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket echo benchmark: 1 KiB binary messages over 100 connections, each connection sending
 * one and awaiting its echo, against aio4j's server (both carriers) and the websockets library's
 * (asyncio and uvloop), each in its own process. Two drivers: the websockets library's own client (on
 * uvloop), which the issue names, and the C load client ({@code load/echo_load.c ... ws}), which
 * is not a contender and can go faster than either server. The websockets client runs in two processes:
 * one alone cannot keep either server busy.
 */
final class WsBench {
    private WsBench() {
    }

    static final int CONNECTIONS = 100;
    static final int SIZE = 1024;

    /** "server / driver" -> {messages/s, p50 µs, p99 µs}. */
    static Map<String, double[]> run(Path dir, String python, Path load, boolean quick, StringBuilder log) throws Exception {
        Map<String, double[]> rows = new LinkedHashMap<>();
        if (python == null || !hasWebsockets(python)) {
            log.append("- WebSocket echo: no python3 with websockets and uvloop (apt-get install python3-websockets python3-uvloop): it did not run\n");
            return rows;
        }
        Path script = dir.resolve("python/ws_bench.py");
        Map<String, List<String>> servers = new LinkedHashMap<>();
        servers.put("aio4j (loop-thread)", BenchMain.java("loop-thread", WsEchoServer.class.getName()));
        servers.put("aio4j (virtual threads)", BenchMain.java("virtual-threads", WsEchoServer.class.getName()));
        servers.put("websockets (asyncio)", List.of(python, script.toString(), "server"));
        servers.put("websockets (uvloop)", List.of(python, script.toString(), "server", "--uvloop"));
        String seconds = quick ? "1" : "3";
        for (Map.Entry<String, List<String>> s : servers.entrySet()) {
            for (String driver : new String[] {"websockets client", "C client"}) {
                Process server = new ProcessBuilder(s.getValue()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                try {
                    String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    if (ready == null || !ready.startsWith("READY ")) {
                        throw new IOException(s.getKey() + " did not start: " + ready);
                    }
                    String port = ready.substring(6).trim();
                    double[] r;
                    if (driver.equals("C client")) {
                        if (load == null) {
                            continue;
                        }
                        String[] f = BenchMain.run(List.of(load.toString(), port, String.valueOf(CONNECTIONS),
                                String.valueOf(SIZE), seconds, "ws")).trim().split(" ");
                        r = new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
                    } else {
                        r = pythonClients(python, script, port, seconds);
                    }
                    rows.put(s.getKey() + " / " + driver, r);
                    System.out.printf("ws %-24s %-18s %.0f msg/s p99 %.0f us%n", s.getKey(), driver, r[0], r[2]);
                } catch (IOException e) {
                    log.append("- WebSocket echo ").append(s.getKey()).append(" / ").append(driver).append(": ")
                            .append(e.getMessage()).append('\n');
                } finally {
                    server.destroyForcibly();
                    server.waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        return rows;
    }

    /**
     * The websockets client in {@link #CLIENT_PROCESSES} processes of an equal share of the connections
     * (one Python process cannot keep either server busy): messages/s summed, latencies averaged.
     */
    private static double[] pythonClients(String python, Path script, String port, String seconds) throws Exception {
        List<Process> clients = new java.util.ArrayList<>();
        for (int i = 0; i < CLIENT_PROCESSES; i++) {
            clients.add(new ProcessBuilder(python, script.toString(), "client", port,
                    String.valueOf(CONNECTIONS / CLIENT_PROCESSES), seconds, "--uvloop")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        double[] r = new double[3];
        for (Process c : clients) {
            String out = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (c.waitFor() != 0) {
                throw new IOException("the websockets client failed: " + out);
            }
            r[0] += number(out, "MSGS");
            r[1] += number(out, "P50") / CLIENT_PROCESSES;
            r[2] += number(out, "P99") / CLIENT_PROCESSES;
        }
        return r;
    }

    static final int CLIENT_PROCESSES = 2;

    private static boolean hasWebsockets(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import websockets, uvloop").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static double number(String out, String label) {
        Matcher m = Pattern.compile(label + " (\\d+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    static String report(Map<String, double[]> rows) {
        StringBuilder md = new StringBuilder("## WebSocket echo\n\n").append(SIZE / 1024).append(" KiB binary messages over ")
                .append(CONNECTIONS).append(" connections, each sending one and awaiting its echo; every server in its own ")
                .append("process with its defaults, the client offering no compression. Driven by the websockets library's ")
                .append("client (on uvloop, in two processes of 50 connections each: one alone is slower than either server) ")
                .append("and by the C load client.\n\n")
                .append("| server | driver | msg/s | p50 µs | p99 µs | x websockets |\n|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            String[] sd = e.getKey().split(" / ");
            double[] base = rows.get("websockets (asyncio) / " + sd[1]);
            double[] r = e.getValue();
            md.append("| ").append(sd[0]).append(" | ").append(sd[1]).append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f | %,.0f | %,.0f | ", r[0], r[1], r[2]))
                    .append(base == null ? "" : String.format(Locale.ROOT, "%.2fx", r[0] / base[0])).append(" |\n");
        }
        md.append('\n');
        for (String driver : new String[] {"websockets client", "C client"}) {
            double[] a = rows.get("aio4j (loop-thread) / " + driver);
            double[] w = rows.get("websockets (asyncio) / " + driver);
            md.append("- target (WebSocket echo ≥ 2x the websockets library's server), driven by the ").append(driver).append(": ")
                    .append(a == null || w == null ? "not measured" : String.format(Locale.ROOT, "%.2fx", a[0] / w[0])
                            + (a[0] / w[0] >= 2 ? " — met" : " — **missed**")).append('\n');
        }
        return md.append('\n').toString();
    }
}
