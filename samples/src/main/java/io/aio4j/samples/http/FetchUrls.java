package io.aio4j.samples.http;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 001, "异步HTTP客户端示例": a session per URL, all fetched at once, then each URL's size.
 *
 * <pre>{@code
 * async def fetch_url(url):
 *     async with aiohttp.ClientSession() as session:
 *         async with session.get(url) as response:
 *             return await response.text()
 *
 * async def main():
 *     urls = ['https://example.com', 'https://python.org', 'https://aiohttp.readthedocs.io']
 *     tasks = [fetch_url(url) for url in urls]
 *     results = await asyncio.gather(*tasks)
 *     for url, content in zip(urls, results):
 *         print(f"{url}: {len(content)} bytes")
 * }</pre>
 *
 * <p>The three sites are pages of the local {@link StandIn}.
 */
public final class FetchUrls {
    private FetchUrls() {
    }

    static String fetchUrl(String url) throws Exception {
        try (ClientSession session = Http.session(); Response response = session.get(url)) {
            return response.text();
        }
    }

    static void asyncMain(StandIn web) throws Exception {
        List<String> urls = List.of(web.url("/example.com"), web.url("/python.org"), web.url("/aiohttp.readthedocs.io"));
        List<Task<String>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(Aio.createTask(() -> fetchUrl(url)));
        }
        List<String> results = Aio.gather(tasks);
        for (int i = 0; i < urls.size(); i++) {
            System.out.println(urls.get(i) + ": " + results.get(i).length() + " bytes");
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(() -> {
            try (StandIn web = StandIn.start()) { // the stand-in's server runs on this program's loop
                asyncMain(web);
            }
        });
    }
}
