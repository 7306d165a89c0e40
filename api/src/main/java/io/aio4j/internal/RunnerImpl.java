package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.Config;
import io.aio4j.EventLoop;
import io.aio4j.Runner;
import io.aio4j.bridge.lowlevel.LoopCore;
import java.util.Objects;

/** The one implementation of {@link Runner}. */
public final class RunnerImpl implements Runner {
    private final EventLoopImpl loop;
    private boolean closed;

    public RunnerImpl(Config config) {
        this(new EventLoopImpl(Objects.requireNonNull(config, "config")));
    }

    public RunnerImpl(EventLoopImpl loop) {
        this.loop = loop;
    }

    @Override
    public <T, X extends Exception> T run(io.aio4j.CheckedCallable<T, X> body) throws X {
        Objects.requireNonNull(body, "body");
        if (LoopCore.current() != null) {
            throw new IllegalStateException("Aio.run() cannot be called from a running event loop: inside a task, "
                    + "await the work directly or start it with Aio.createTask(...)");
        }
        if (closed) {
            throw new IllegalStateException("Runner is closed");
        }
        TaskImpl<T> main = TaskImpl.create(loop, null, body::call);
        boolean[] interrupted = {false};
        // asyncio's Runner: an interrupt of this thread, or the first Ctrl-C (SIGINT), cancels the main task
        loop.loop.onInterrupt(() -> {
            interrupted[0] = true;
            main.cancel("interrupted");
        });
        Object previous = Sigint.install(main);
        try {
            loop.runUntilComplete(main);
        } finally {
            loop.loop.onInterrupt(null);
            Sigint.restore(previous);
            if (interrupted[0]) {
                Thread.currentThread().interrupt(); // the caller still sees the interrupt
            }
        }
        return main.result();
    }

    @Override
    public <X extends Exception> void run(io.aio4j.CheckedRunnable<X> body) throws X {
        Objects.requireNonNull(body, "body");
        run(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.cancelAllTasks();
        } finally {
            loop.close();
        }
    }
}
