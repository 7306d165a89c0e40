package io.aio4j.ws.internal;

import io.aio4j.bridge.lowlevel.ParkingLot;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.PongWaiter;

/** One ping's wait for its pong (loop-confined, like its connection). */
public final class Pong implements PongWaiter {
    private final double sentAt;
    private final ParkingLot waiters = new ParkingLot();
    private double latency = Double.NaN;
    private ConnectionClosed failure;

    Pong(double sentAt) {
        this.sentAt = sentAt;
    }

    void arrived(double now) {
        latency = now - sentAt;
        waiters.wakeAll();
    }

    void fail(ConnectionClosed e) {
        failure = e;
        waiters.wakeAll();
    }

    @Override
    public double await() throws ConnectionClosed {
        while (!isDone()) {
            Waiter w = waiters.join();
            try {
                w.await("PongWaiter.await");
            } finally {
                waiters.leave(w);
            }
        }
        if (failure != null) {
            throw new ConnectionClosed(failure.code(), failure.reason(), failure.sentCode(), failure.sentReason());
        }
        return latency;
    }

    @Override
    public boolean isDone() {
        return failure != null || !Double.isNaN(latency);
    }

    @Override
    public String toString() {
        return "<PongWaiter " + (failure != null ? "failed: " + failure.getMessage() : isDone() ? "latency=" + latency : "pending") + ">";
    }
}
