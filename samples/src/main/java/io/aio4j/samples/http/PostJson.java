package io.aio4j.samples.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.aio4j.Aio;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.Response;
import io.aio4j.samples.Py;
import java.util.Map;

/**
 * Seed 002, "异步 POST 请求": a JSON POST; the server echoes the JSON.
 *
 * <pre>{@code
 * async def post_data(session, url, data):
 *     """异步 POST 请求"""
 *     async with session.post(url, json=data) as response:
 *         return await response.json()
 *
 * async def main():
 *     url = "https://httpbin.org/post"
 *     data = {"key": "value"}
 *     async with aiohttp.ClientSession() as session:
 *         result = await post_data(session, url, data)
 *         print(result)
 * }</pre>
 */
public final class PostJson {
    private PostJson() {
    }

    static JsonNode postData(ClientSession session, String url, Object data) throws Exception {
        try (Response response = session.post(url, RequestOptions.none().withJson(data))) {
            return response.json();
        }
    }

    static void asyncMain(StandIn httpbin) throws Exception {
        String url = httpbin.url("/post");
        Map<String, String> data = Map.of("key", "value");
        try (ClientSession session = Http.session()) {
            JsonNode result = postData(session, url, data);
            System.out.println(Py.repr(result));
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
