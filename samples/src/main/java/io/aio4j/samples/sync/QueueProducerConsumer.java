package io.aio4j.samples.sync;

import io.aio4j.Aio;
import io.aio4j.queue.Queue;

/**
 * Seed 002, "Queue": a producer and a slower consumer share a queue of at most three items; the
 * producer waits when it is full.
 *
 * <pre>{@code
 * async def producer(queue):
 *     for i in range(5):
 *         await asyncio.sleep(0.5)
 *         item = f"item-{i}"
 *         await queue.put(item)
 *         print(f"Produced {item}")
 *     await queue.put("DONE")
 * async def consumer(queue):
 *     while True:
 *         item = await queue.get()
 *         if item == "DONE":
 *             queue.task_done()
 *             break
 *         await asyncio.sleep(1)
 *         print(f"Consumed {item}")
 *         queue.task_done()
 * async def main():
 *     queue = asyncio.Queue(maxsize=3)
 *     await asyncio.gather(producer(queue), consumer(queue))
 * }</pre>
 */
public final class QueueProducerConsumer {
    private QueueProducerConsumer() {
    }

    static void producer(Queue<String> queue) {
        for (int i = 0; i < 5; i++) {
            Aio.sleep(0.5);
            String item = "item-" + i;
            queue.put(item);
            System.out.println("Produced " + item);
        }
        queue.put("DONE");
    }

    static void consumer(Queue<String> queue) {
        while (true) {
            String item = queue.get();
            if (item.equals("DONE")) {
                queue.taskDone();
                break;
            }
            Aio.sleep(1);
            System.out.println("Consumed " + item);
            queue.taskDone();
        }
    }

    static void asyncMain() throws Exception {
        Queue<String> queue = new Queue<>(3);
        Aio.gather(
                Aio.createTask(() -> producer(queue)),
                Aio.createTask(() -> consumer(queue)));
    }

    public static void main(String[] args) throws Exception {
        Aio.run(QueueProducerConsumer::asyncMain);
    }
}
