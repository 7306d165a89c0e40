package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.bridge.lowlevel.Droppable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * {@code loop.submit(body)} from another thread: asyncio's {@code run_coroutine_threadsafe}. Once
 * accepted, its future always completes: with the task's outcome, cancelled with the task, or, if the
 * loop closes before the submission ran, exceptionally with "Event loop is closed".
 */
final class Submission<T> implements Droppable {
    private final EventLoopImpl loop;
    private final AsyncCallable<T> body;
    final CompletableFuture<T> result = new CompletableFuture<>();

    Submission(EventLoopImpl loop, AsyncCallable<T> body) {
        this.loop = loop;
        this.body = body;
    }

    @Override
    public void run() {
        if (result.isDone()) {
            return; // cancelled before it started
        }
        TaskImpl<T> task = TaskImpl.create(loop, null, body);
        result.whenComplete((v, e) -> {
            if (e instanceof CancellationException) {
                task.cancel();
            }
        });
        task.toCompletableFuture().whenComplete((v, e) -> {
            if (e == null) {
                result.complete(v);
            } else if (e instanceof CancellationException) {
                result.cancel(false);
            } else {
                result.completeExceptionally(e);
            }
        });
    }

    @Override
    public void dropped() {
        result.completeExceptionally(new IllegalStateException("Event loop is closed: it closed before the body "
                + "submitted with EventLoop.submit() could start; submit while the loop runs (or before Runner.close())"));
    }

    @Override
    public String toString() {
        return "<EventLoop.submit " + body + ">";
    }
}
