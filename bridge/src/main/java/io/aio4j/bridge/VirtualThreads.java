package io.aio4j.bridge;

import java.util.concurrent.locks.LockSupport;

/** {@link Carrier#virtualThreads()}: a fiber is a virtual thread. */
final class VirtualThreads implements Carrier {
    static final VirtualThreads INSTANCE = new VirtualThreads();

    private VirtualThreads() {
    }

    @Override
    public Strand newStrand(Runnable body) {
        Thread thread = Thread.ofVirtual().unstarted(body);
        return new Strand() {
            @Override
            public void start(String name) {
                thread.setName(name); // named after the task, for thread dumps
                thread.start();
            }

            @Override
            public void unpark() {
                LockSupport.unpark(thread);
            }

            @Override
            public StackTraceElement[] stackTrace() {
                return thread.getStackTrace();
            }
        };
    }

    @Override
    public void park() {
        LockSupport.park(this);
    }

    @Override
    public String toString() {
        return "Carrier.virtualThreads()";
    }
}
