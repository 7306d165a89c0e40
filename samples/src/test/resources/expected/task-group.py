import asyncio

async def task1():
    await asyncio.sleep(1)
    print("task1 done")
    return 1

async def task2():
    await asyncio.sleep(0.5)
    print("task2 done")
    return 2

async def failing():
    await asyncio.sleep(0.2)
    raise ValueError("bad input")

async def main():
    # 使用 asyncio.TaskGroup (Python 3.11+)
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(task1())
        t2 = tg.create_task(task2())
    # 自动等待并处理异常
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(task1())
            tg.create_task(failing())
    except* ValueError as eg:
        print(f"caught {[str(e) for e in eg.exceptions]}")

asyncio.run(main())
