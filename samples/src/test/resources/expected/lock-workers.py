import asyncio
lock = asyncio.Lock()
async def worker(name):
    async with lock:
        print(f"{name} acquired lock")
        await asyncio.sleep(1)
        print(f"{name} released lock")
async def main():
    await asyncio.gather(
        worker("A"),
        worker("B"),
        worker("C")
    )
asyncio.run(main())
