package io.aio4j.testkit;

/**
 * Asserts that numbered steps happen in order, across tasks: kotlinx-coroutines' test idiom.
 *
 * {@snippet :
 * Expect e = new Expect();
 * Aio.createTask(() -> e.expect(2));
 * e.expect(1);
 * Aio.sleep(0);
 * e.finish(3);
 * }
 *
 * @apiNote asyncio: none; kotlinx-coroutines' {@code TestBase.expect}/{@code finish}
 */
public final class Expect {
    private int last;
    private boolean finished;

    /**
     * Records step {@code step}, which must be the one after the last.
     *
     * @throws AssertionError naming the step expected and the one reached
     */
    public synchronized void expect(int step) {
        if (finished) {
            throw new AssertionError("step " + step + " reached after finish(" + last + ")");
        }
        if (step != last + 1) {
            throw new AssertionError("expected step " + (last + 1) + " next, but reached step " + step);
        }
        last = step;
    }

    /** Records the last step. */
    public synchronized void finish(int step) {
        expect(step);
        finished = true;
    }

    /** Fails: this place must not be reached. */
    public void unreached() {
        throw new AssertionError("this should not be reached (after step " + lastStep() + ")");
    }

    /** The last step reached (0 before any). */
    public synchronized int lastStep() {
        return last;
    }

    /** Whether {@link #finish(int)} was reached. */
    public synchronized boolean finished() {
        return finished;
    }
}
