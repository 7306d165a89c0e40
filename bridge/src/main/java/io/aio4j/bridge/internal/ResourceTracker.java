package io.aio4j.bridge.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop's open resources (connections, servers, endpoints, files), each with the stack that created
 * it, for the test kit's leak reports. Off by default: then tracking costs one volatile read.
 */
public final class ResourceTracker {
    private final Map<Object, Throwable> open = new IdentityHashMap<>();
    private volatile boolean tracking;

    /** Records where tasks and resources are created, for leak reports. */
    public void setTracking(boolean on) {
        tracking = on;
    }

    public boolean tracking() {
        return tracking;
    }

    /** With tracking on: {@code resource} is open, created at the caller's stack. */
    public void track(Object resource, String description) {
        if (tracking) {
            Throwable where = new Throwable(description + " was created here");
            synchronized (open) {
                open.put(resource, where);
            }
        }
    }

    /** {@code resource} is closed. */
    public void untrack(Object resource) {
        if (tracking) {
            synchronized (open) {
                open.remove(resource);
            }
        }
    }

    /** The resources still open, each with the place it was created. */
    public List<Throwable> openResources() {
        synchronized (open) {
            return new ArrayList<>(open.values());
        }
    }
}
