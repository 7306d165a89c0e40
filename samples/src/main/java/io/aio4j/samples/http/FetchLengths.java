package io.aio4j.samples.http;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002, "异步 HTTP 客户端 / aiohttp": three URLs through one session, each body's length.
 *
 * <pre>{@code
 * async def fetch(session, url):
 *     """异步获取 URL"""
 *     async with session.get(url) as response:
 *         return await response.text()
 *
 * async def main():
 *     urls = ["https://httpbin.org/get", "https://httpbin.org/delay/1", "https://httpbin.org/json"]
 *     async with aiohttp.ClientSession() as session:
 *         tasks = [fetch(session, url) for url in urls]
 *         results = await asyncio.gather(*tasks)
 *         for result in results:
 *             print(len(result))
 * }</pre>
 */
public final class FetchLengths {
    private FetchLengths() {
    }

    static String fetch(ClientSession session, String url) throws Exception {
        try (Response response = session.get(url)) {
            return response.text();
        }
    }

    static void asyncMain(StandIn httpbin) throws Exception {
        List<String> urls = List.of(httpbin.url("/get"), httpbin.url("/delay/1"), httpbin.url("/json"));
        try (ClientSession session = Http.session()) {
            List<Task<String>> tasks = new ArrayList<>();
            for (String url : urls) {
                tasks.add(Aio.createTask(() -> fetch(session, url)));
            }
            for (String result : Aio.gather(tasks)) {
                System.out.println(result.length());
            }
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
