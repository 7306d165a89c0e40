package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.Waiter;

/**
 * The engine's side of {@link Waiter} (the JDK's SharedSecrets pattern): the published waiter keeps
 * its fiber protocol private, and the fiber reaches it through this.
 */
public abstract class WaiterAccess {
    private static volatile WaiterAccess access;

    /** Set once, by Waiter's class initializer. */
    public static void set(WaiterAccess a) {
        if (access != null) {
            throw new IllegalStateException("WaiterAccess is set once, by Waiter");
        }
        access = a;
    }

    static WaiterAccess get() {
        return access; // a fiber only meets a waiter after Waiter was initialized
    }

    /** Publishes {@code f} as the fiber parked on {@code w}; false if {@code w} is already woken. */
    public abstract boolean park(Waiter w, Fiber f);

    /** Ends {@code w}'s wait by cancellation; false if a wake-up came first. */
    public abstract boolean cancel(Waiter w);
}
