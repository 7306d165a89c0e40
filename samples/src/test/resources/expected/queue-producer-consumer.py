import asyncio
async def producer(queue):
    for i in range(5):
        await asyncio.sleep(0.5)
        item = f"item-{i}"
        await queue.put(item)
        print(f"Produced {item}")
    await queue.put("DONE")
async def consumer(queue):
    while True:
        item = await queue.get()
        if item == "DONE":
            queue.task_done()
            break
        await asyncio.sleep(1)
        print(f"Consumed {item}")
        queue.task_done()
async def main():
    queue = asyncio.Queue(maxsize=3)
    await asyncio.gather(
        producer(queue),
        consumer(queue)
    )
asyncio.run(main())
