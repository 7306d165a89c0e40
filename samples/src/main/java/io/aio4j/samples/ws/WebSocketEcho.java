package io.aio4j.samples.ws;

import io.aio4j.Aio;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSocketServer;
import io.aio4j.ws.WebSockets;

/**
 * Seed 001, "WebSocket 服务器": an echo server. The seed's server runs forever ({@code await
 * asyncio.Future()}); this port serves on a free port instead of 8765, and a client sends it two
 * messages so that the tour shows it working, then both close.
 *
 * <pre>{@code
 * async def echo(websocket):
 *     async for message in websocket:
 *         await websocket.send(f"收到: {message}")
 *
 * async def main():
 *     async with websockets.serve(echo, "localhost", 8765):
 *         await asyncio.Future()  # 永久运行
 * }</pre>
 */
public final class WebSocketEcho {
    private WebSocketEcho() {
    }

    static void echo(WebSocket websocket) throws Exception {
        for (Message message : websocket) {
            websocket.send("收到: " + message.text());
        }
    }

    static void asyncMain() throws Exception {
        try (WebSocketServer server = WebSockets.serve(WebSocketEcho::echo, "localhost", 0)) {
            // the client the seed leaves to the reader
            try (WebSocket ws = WebSockets.connect("ws://localhost:" + server.port())) {
                for (String m : new String[] {"hello", "世界"}) {
                    ws.send(m);
                    System.out.println(ws.recv().text());
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(WebSocketEcho::asyncMain);
    }
}
