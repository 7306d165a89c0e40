package io.aio4j.bench;

import io.aio4j.Aio;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSocketServer;
import io.aio4j.ws.WebSockets;

/**
 * The WebSocket echo benchmark's aio4j server, in its own process: binds 127.0.0.1 on a free port,
 * prints {@code READY port} and echoes every message until killed. The websockets library's is
 * {@code python/ws_bench.py server}.
 */
public final class WsEchoServer {
    private WsEchoServer() {
    }

    static void echo(WebSocket ws) throws Exception {
        for (Message m : ws) {
            switch (m) {
                case Message.Text t -> ws.send(t.text());
                case Message.Binary b -> ws.send(b.data());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WsEchoServer::echo, "127.0.0.1", 0);
            System.out.println("READY " + server.port());
            System.out.flush();
            server.waitClosed();
        });
    }
}
