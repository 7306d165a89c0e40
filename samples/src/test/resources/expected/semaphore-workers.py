import asyncio
semaphore = asyncio.Semaphore(3) # 最多 3 个并发
async def worker(worker_id):
    async with semaphore:
        print(f"Worker {worker_id} acquired")
        await asyncio.sleep(2)
        print(f"Worker {worker_id} released")
async def main():
    tasks = [worker(i) for i in range(10)]
    await asyncio.gather(*tasks)
asyncio.run(main())
