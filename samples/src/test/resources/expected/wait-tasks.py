import asyncio
async def task(name, delay):
    await asyncio.sleep(delay)
    return f"{name} done"
async def main():
    tasks = [
        asyncio.create_task(task("A", 1)),
        asyncio.create_task(task("B", 2)),
        asyncio.create_task(task("C", 3)),
    ]
    # 等待所有任务完成
    done, pending = await asyncio.wait(tasks)
    # the seed names this loop variable `task`, which shadows the coroutine function above and
    # makes main() fail with UnboundLocalError; renamed to `t`
    for t in sorted(done, key=tasks.index):
        print(t.result())
asyncio.run(main())
