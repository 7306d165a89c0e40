package io.aio4j.samples.protocols;

import io.aio4j.Aio;

/**
 * Seed 002, "异步上下文管理器": {@code __aenter__} and {@code __aexit__} that await. In aio4j an
 * awaiting factory method is the {@code __aenter__} and {@link AutoCloseable#close()} (which may
 * await too, since it runs in the task) is the {@code __aexit__}; try-with-resources is
 * {@code async with}.
 *
 * <pre>{@code
 * class AsyncResource:
 *     async def __aenter__(self):
 *         print("Acquiring resource")
 *         await asyncio.sleep(0.5)
 *         return self
 *     async def __aexit__(self, exc_type, exc_val, exc_tb):
 *         print("Releasing resource")
 *         await asyncio.sleep(0.5)
 * async def main():
 *     async with AsyncResource() as resource:
 *         print("Using resource")
 * }</pre>
 */
public final class AsyncResourceSample {
    private AsyncResourceSample() {
    }

    static final class AsyncResource implements AutoCloseable {
        private AsyncResource() {
        }

        /** {@code __aenter__}. */
        static AsyncResource acquire() {
            System.out.println("Acquiring resource");
            Aio.sleep(0.5);
            return new AsyncResource();
        }

        /** {@code __aexit__}: runs however the block ends, and may await. */
        @Override
        public void close() {
            System.out.println("Releasing resource");
            Aio.sleep(0.5);
        }
    }

    static void asyncMain() throws Exception {
        try (AsyncResource resource = AsyncResource.acquire()) {
            System.out.println("Using resource");
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(AsyncResourceSample::asyncMain);
    }
}
