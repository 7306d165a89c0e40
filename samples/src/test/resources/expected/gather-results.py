import asyncio
async def task(name, delay):
    print(f"{name} started")
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return f"{name} result"
async def main():
    results = await asyncio.gather(task("A", 2), task("B", 1), task("C", 3))
    print(results)
asyncio.run(main())
