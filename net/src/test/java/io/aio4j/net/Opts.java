package io.aio4j.net;

/** Options for running the same test over each transport. */
final class Opts {
    private Opts() {
    }

    static ConnectOptions c(Transport t) {
        return ConnectOptions.defaults().withTransport(t);
    }

    static ServerOptions s(Transport t) {
        return ServerOptions.defaults().withTransport(t);
    }
}
