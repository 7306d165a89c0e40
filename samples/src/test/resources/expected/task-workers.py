import asyncio

async def worker(name):
    await asyncio.sleep(1)
    return f"{name} 完成"

async def main():
    # 创建任务
    task1 = asyncio.create_task(worker('A'))
    task2 = asyncio.create_task(worker('B'))

    # 等待完成
    result1 = await task1
    result2 = await task2

    print(result1, result2)

asyncio.run(main())
