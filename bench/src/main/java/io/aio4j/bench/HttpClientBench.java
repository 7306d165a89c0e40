package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP client benchmark's aio4j side: {@code HttpClientBench PORT N C} makes N GETs of /1k, C at
 * once, over one session, and prints {@code REQS <req/s> CONNS <connections the server saw>}.
 */
public final class HttpClientBench {
    private HttpClientBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://127.0.0.1:" + args[0];
        int n = Integer.parseInt(args[1]);
        int c = Integer.parseInt(args[2]);
        Aio.run(() -> {
            try (ClientSession s = Http.session()) {
                try (Response r = s.get(base + "/stats")) {
                    r.bytes(); // reset the server's count
                }
                run(s, base, n / 2, c); // warm-up: the JIT compiles the request path
                try (Response r = s.get(base + "/stats")) {
                    r.bytes();
                }
                long t0 = System.nanoTime();
                run(s, base, n, c);
                double secs = (System.nanoTime() - t0) / 1e9;
                int conns;
                try (Response r = s.get(base + "/stats")) {
                    conns = Integer.parseInt(r.text().trim());
                }
                System.out.printf("REQS %.0f CONNS %d%n", n / secs, conns);
            }
        });
    }

    private static void run(ClientSession s, String base, int n, int c) throws Exception {
        int[] left = {n};
        List<Task<Void>> workers = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            workers.add(Aio.createTask(() -> {
                while (left[0] > 0) {
                    left[0]--;
                    try (Response r = s.get(base + "/1k")) {
                        if (r.bytes().length != 1024) {
                            throw new IllegalStateException("short body");
                        }
                    }
                }
            }));
        }
        Aio.gather(workers);
    }
}
