package io.aio4j.samples.web;

import io.aio4j.Aio;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.RequestOptions;
import io.aio4j.http.web.Application;
import io.aio4j.http.web.HttpException;
import io.aio4j.http.web.Request;
import io.aio4j.http.web.Response;
import io.aio4j.http.web.StreamResponse;
import io.aio4j.http.web.Web;
import io.aio4j.http.web.WebServer;
import io.aio4j.http.web.WebSocketResponse;
import io.aio4j.samples.Py;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSockets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * aiohttp.web: its documentation's "hello world" server, a small JSON API and a WebSocket chat, on
 * one application; then a client of the same program talks to it, and the server shuts down
 * gracefully (aiohttp's {@code AppRunner.cleanup}). Handlers are tasks on the program's loop: the
 * item store and the chat's client set need no locks, as in asyncio.
 *
 * <pre>{@code
 * async def handle(request):
 *     name = request.match_info.get('name', "Anonymous")
 *     text = "Hello, " + name
 *     return web.Response(text=text)
 *
 * async def chat(request):
 *     ws = web.WebSocketResponse()
 *     await ws.prepare(request)
 *     clients.add(ws)
 *     try:
 *         async for msg in ws:
 *             for client in list(clients):
 *                 await client.send_str(msg.data)
 *     finally:
 *         clients.discard(ws)
 *     return ws
 * }</pre>
 */
public final class WebApp {
    private WebApp() {
    }

    // aiohttp's "hello world"
    static StreamResponse handle(Request request) {
        String name = request.matchInfo().getOrDefault("name", "Anonymous");
        String text = "Hello, " + name;
        return Response.text(text);
    }

    // a small JSON API
    static final Map<Integer, Map<String, Object>> items = new LinkedHashMap<>();

    static StreamResponse listItems(Request request) {
        return Response.json(new ArrayList<>(items.values()));
    }

    static StreamResponse addItem(Request request) throws Exception {
        var data = request.json();
        int itemId = items.size() + 1;
        Map<String, Object> item = new LinkedHashMap<>(); // a dict keeps its order; Map.of would not
        item.put("id", itemId);
        item.put("name", data.get("name").asText());
        items.put(itemId, item);
        return Response.json(items.get(itemId)).setStatus(201);
    }

    static StreamResponse getItem(Request request) {
        int itemId = Integer.parseInt(request.matchInfo("id"));
        if (!items.containsKey(itemId)) {
            throw new HttpException(404, "Not Found", "no item " + itemId);
        }
        return Response.json(items.get(itemId));
    }

    // a WebSocket chat: every message goes to everyone connected
    static final Set<WebSocketResponse> clients = new LinkedHashSet<>();

    static StreamResponse chat(Request request) throws Exception {
        WebSocketResponse ws = new WebSocketResponse();
        ws.prepare(request);
        clients.add(ws);
        try {
            for (Message msg : ws) {
                for (WebSocketResponse client : List.copyOf(clients)) {
                    client.send(msg.text());
                }
            }
        } finally {
            clients.remove(ws);
        }
        return ws;
    }

    static void asyncMain() throws Exception {
        items.clear();
        Application app = new Application()
                .get("/", WebApp::handle)
                .get("/items", WebApp::listItems)
                .post("/items", WebApp::addItem)
                .get("/items/{id}", WebApp::getItem)
                .get("/chat", WebApp::chat)
                .get("/{name}", WebApp::handle);
        WebServer server = Web.serve(app, "127.0.0.1", 0);
        String base = server.url();

        try (ClientSession session = Http.session()) {
            for (String path : List.of("/", "/Alice")) {
                try (var response = session.get(base + path)) {
                    System.out.println(response.status() + " " + response.text());
                }
            }
            for (String name : List.of("pen", "ink")) {
                try (var response = session.post(base + "/items", RequestOptions.none().withJson(Map.of("name", name)))) {
                    System.out.println(response.status() + " " + Py.repr(response.json()));
                }
            }
            try (var response = session.get(base + "/items")) {
                System.out.println(response.status() + " " + Py.repr(response.json()));
            }
            try (var response = session.get(base + "/items/9")) {
                System.out.println(response.status() + " " + response.text());
            }

            String chatUrl = "ws://127.0.0.1:" + server.port() + "/chat";
            WebSocket ann = WebSockets.connect(chatUrl);
            WebSocket bob = WebSockets.connect(chatUrl);
            ann.send("hi from ann");
            System.out.println("ann got " + ann.recv().text());
            System.out.println("bob got " + bob.recv().text());
            bob.send("hi from bob");
            System.out.println("ann got " + ann.recv().text());
            ann.close();
            bob.close();
        }
        server.shutdown();
    }

    public static void main(String[] args) throws Exception {
        Aio.run(WebApp::asyncMain);
    }
}
