package io.aio4j.net;

import io.aio4j.net.spi.TransportProvider;
import java.util.stream.Stream;

/** Options for running the same test over each provider. */
public final class Opts {
    private Opts() {
    }

    /** Every provider the tests run over. */
    public static Stream<TransportProvider> providers() {
        return Stream.of(Net.selectorProvider()); // aio4j-ktor runs its own provider through the same rules
    }

    static ConnectOptions c(TransportProvider t) {
        return ConnectOptions.defaults().withProvider(t);
    }

    static ServerOptions s(TransportProvider t) {
        return ServerOptions.defaults().withProvider(t);
    }
}
