package io.aio4j.bridge.internal;

import io.aio4j.bridge.SuspendFunction;
import java.util.concurrent.CancellationException;
import kotlin.Result;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.JobKt;

/** {@code Suspend.call} outside a task: blocks the calling thread, like {@code runBlocking}. */
public final class BlockingContinuation<T> implements Continuation<T> {
    private final CompletableJob job = JobKt.Job(null);
    private Object result;
    private boolean done;

    private BlockingContinuation() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T call(SuspendFunction<T> fn) {
        var k = new BlockingContinuation<T>();
        Object r;
        try {
            r = fn.invoke(k);
        } catch (Exception e) {
            throw Suspensions.sneakyThrow(e);
        }
        if (r != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            return (T) r;
        }
        Object v = k.join();
        if (v instanceof Result.Failure f) {
            throw Suspensions.sneakyThrow(f.exception);
        }
        return (T) v;
    }

    @Override
    public CoroutineContext getContext() {
        return job;
    }

    @Override
    public synchronized void resumeWith(Object value) {
        result = value;
        done = true;
        notifyAll();
    }

    private synchronized Object join() {
        boolean interrupted = false;
        while (!done) {
            try {
                wait();
            } catch (InterruptedException e) {
                if (!interrupted) {
                    interrupted = true;
                    job.cancel(new CancellationException("the thread blocked in Suspend.call was interrupted"));
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
