package io.aio4j.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.aio4j.Aio;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * aio4j's client and server against the websockets library (a peer nobody here wrote), with its
 * defaults: permessage-deflate, its closing handshake. Skips when python3 has no websockets
 * ({@code apt-get install python3-websockets}).
 */
class WebsocketsLibraryPeerTest {
    private static String python;
    private static Path script;

    @BeforeAll
    static void findPython() throws Exception {
        for (String p : new String[] {"/usr/bin/python3", "python3"}) {
            try {
                Process probe = new ProcessBuilder(p, "-c", "import websockets").redirectErrorStream(true).start();
                if (probe.waitFor() == 0) {
                    python = p;
                    break;
                }
            } catch (java.io.IOException ignored) {
                // not this one
            }
        }
        script = Files.createTempFile("ws_peer", ".py");
        try (var in = WebsocketsLibraryPeerTest.class.getResourceAsStream("ws_peer.py")) {
            Files.write(script, in.readAllBytes());
        }
        script.toFile().deleteOnExit();
    }

    @Test
    void aio4jsClientAgainstTheWebsocketsServer() throws Exception {
        assumeTrue(python != null, "python3 with the websockets library is not installed");
        Process server = new ProcessBuilder(python, script.toString(), "server").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            int port = Integer.parseInt(out.readLine().split(" ")[1]);
            String big = "abcdefgh".repeat(20_000);
            Aio.run(() -> {
                for (int i = 0; i < 20; i++) {
                    try (WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + port + "/")) {
                        ws.send(big);
                        assertEquals(big, ws.recv().text());
                        ws.send(new byte[] {0, 1, 2});
                        assertEquals(3, ((Message.Binary) ws.recv()).data().length);
                    }
                }
            });
            List<String> closes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                closes.add(out.readLine());
            }
            assertEquals(java.util.Collections.nCopies(20, "closed 1000 permessage-deflate"), closes,
                    "every close reached the server as 1000 (none as 1006), each connection compressed");
        } finally {
            server.destroy();
        }
    }

    @Test
    void theWebsocketsClientAgainstAio4jsServer() throws Exception {
        assumeTrue(python != null, "python3 with the websockets library is not installed");
        List<String> lines = new ArrayList<>();
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                for (Message m : ws) {
                    switch (m) {
                        case Message.Text t -> ws.send(t.text());
                        case Message.Binary b -> ws.send(b.data());
                    }
                }
            }, "127.0.0.1", 0, ServeOptions.defaults().withMaxSize(200_000));
            lines.addAll(Aio.toThread(() -> {
                Process client = new ProcessBuilder(python, script.toString(), "client",
                        "ws://127.0.0.1:" + server.port() + "/", "20").redirectErrorStream(true).start();
                List<String> got = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                client.waitFor();
                return got;
            }));
            server.close();
            server.waitClosed();
        });
        List<String> expected = new ArrayList<>(java.util.Collections.nCopies(20, "ok 1000 permessage-deflate"));
        expected.add("toobig 1009");
        assertEquals(expected, lines);
    }
}
