package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.Forever;
import kotlin.Unit;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.CoroutineDispatcher;
import kotlinx.coroutines.Delay;
import kotlinx.coroutines.DisposableHandle;

/**
 * A loop as kotlinx-coroutines sees it: the {@code CoroutineDispatcher} that runs resumed coroutines on
 * the loop's turns, and the {@code Delay} whose {@code delay} and {@code withTimeout} are loop timers
 * (so they follow the loop's clock, virtual time included).
 */
final class LoopDispatcher extends CoroutineDispatcher implements Delay {
    private final Loop loop;

    LoopDispatcher(Loop loop) {
        this.loop = loop;
    }

    @Override
    public boolean isDispatchNeeded(CoroutineContext context) {
        return true;
    }

    @Override
    public void dispatch(CoroutineContext context, Runnable block) {
        if (!loop.schedule(new Callback(block))) {
            // kotlinx's contract: a closed dispatcher hands the block to another one
            kotlinx.coroutines.Dispatchers.getIO().dispatch(context, block);
        }
    }

    @Override
    public void scheduleResumeAfterDelay(long timeMillis, CancellableContinuation<? super Unit> continuation) {
        Timer t = loop.callLater(millisToNanos(timeMillis), () -> continuation.resumeWith(Unit.INSTANCE));
        continuation.invokeOnCancellation(cause -> {
            t.cancel();
            return Unit.INSTANCE;
        });
    }

    @Override
    public DisposableHandle invokeOnTimeout(long timeMillis, Runnable block, CoroutineContext context) {
        return loop.callLater(millisToNanos(timeMillis), block);
    }

    private static long millisToNanos(long ms) {
        return ms >= Forever.NANOS / 1_000_000 ? Forever.NANOS : ms * 1_000_000;
    }

    @Override
    public String toString() {
        return loop.toString();
    }
}
