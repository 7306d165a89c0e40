package io.aio4j.samples.protocols;

import io.aio4j.Aio;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Seed 002, "异步迭代器": a class with {@code __aiter__}/{@code __anext__}. In aio4j an iterator's
 * methods run in the iterating task, so they may await: a plain {@link Iterable} whose
 * {@code hasNext} sleeps is an async iterator, and a for-each loop is {@code async for}.
 *
 * <pre>{@code
 * class AsyncIterator:
 *     def __init__(self, stop):
 *         self.stop = stop
 *         self.current = 0
 *     def __aiter__(self):
 *         return self
 *     async def __anext__(self):
 *         if self.current < self.stop:
 *             await asyncio.sleep(0.5)
 *             value = self.current
 *             self.current += 1
 *             return value
 *         raise StopAsyncIteration
 * async def main():
 *     async for num in AsyncIterator(5):
 *         print(num)
 * }</pre>
 */
public final class AsyncIteratorSample {
    private AsyncIteratorSample() {
    }

    static final class AsyncIterator implements Iterable<Integer>, Iterator<Integer> {
        private final int stop;
        private int current;

        AsyncIterator(int stop) {
            this.stop = stop;
        }

        @Override
        public Iterator<Integer> iterator() { // __aiter__
            return this;
        }

        @Override
        public boolean hasNext() {
            return current < stop;
        }

        @Override
        public Integer next() { // __anext__
            if (current >= stop) {
                throw new NoSuchElementException(); // StopAsyncIteration
            }
            Aio.sleep(0.5);
            int value = current;
            current++;
            return value;
        }
    }

    static void asyncMain() throws Exception {
        for (int num : new AsyncIterator(5)) {
            System.out.println(num);
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(AsyncIteratorSample::asyncMain);
    }
}
