package io.aio4j.samples.http;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 000, "asyncio HTTP 请求": three requests at once through one session (three seconds, not six).
 *
 * <pre>{@code
 * async def fetch(session, url):
 *     async with session.get(url) as response:
 *         return await response.text()
 *
 * async def main():
 *     async with aiohttp.ClientSession() as session:
 *         # 并发请求
 *         urls = ['http://httpbin.org/delay/1',
 *                 'http://httpbin.org/delay/2',
 *                 'http://httpbin.org/delay/3']
 *         results = await asyncio.gather(*[fetch(session, url) for url in urls])
 *         print(f"完成 {len(results)} 个请求")
 * }</pre>
 *
 * <p>httpbin.org is replaced by the local {@link StandIn}.
 */
public final class HttpGather {
    private HttpGather() {
    }

    static String fetch(ClientSession session, String url) throws Exception {
        try (Response response = session.get(url)) {
            return response.text();
        }
    }

    static void asyncMain(StandIn httpbin) throws Exception {
        try (ClientSession session = Http.session()) {
            // 并发请求
            List<String> urls = List.of(httpbin.url("/delay/1"), httpbin.url("/delay/2"), httpbin.url("/delay/3"));
            List<Task<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(Aio.createTask(() -> fetch(session, url)));
            }
            List<String> results = Aio.gather(tasks);
            System.out.println("完成 " + results.size() + " 个请求");
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(() -> {
            try (StandIn httpbin = StandIn.start()) { // the stand-in's server runs on this program's loop
                asyncMain(httpbin);
            }
        });
    }
}
