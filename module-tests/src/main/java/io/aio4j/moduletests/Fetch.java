package io.aio4j.moduletests;

import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.http.Response;
import java.io.IOException;

/** What a consumer module does with aio4j: fetch a URL's text with the HTTP client. */
public final class Fetch {
    private Fetch() {
    }

    /** The body of {@code url} (inside a task). */
    public static String text(String url) throws IOException {
        try (ClientSession session = Http.session(); Response r = session.get(url)) {
            r.raiseForStatus();
            return r.text();
        }
    }
}
