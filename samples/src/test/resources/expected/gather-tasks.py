import asyncio
async def task(name, delay):
    await asyncio.sleep(delay)
    print(f"任务 {name} 完成")
async def main():
    await asyncio.gather(task('A', 1), task('B', 2), task('C', 1))
asyncio.run(main())
