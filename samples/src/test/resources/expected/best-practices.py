import asyncio

async def fetch_url(url):
    await asyncio.sleep(0.5)
    return f"<{url}>"

async def slow_operation():
    await asyncio.sleep(1)
    return "slow result"

async def operation():
    await asyncio.sleep(10)

async def fetch_data():
    await asyncio.sleep(0.1)
    return "data"

async def some_coro():
    await asyncio.sleep(0.1)

async def main():
    # ✅ 使用 asyncio.gather 并发执行
    results = await asyncio.gather(
        fetch_url("url1"),
        fetch_url("url2"),
        fetch_url("url3")
    )
    print(results)
    # ✅ 使用 create_task 提前调度
    task = asyncio.create_task(slow_operation())
    print("doing other things")  # 做其他事情
    result = await task
    print(result)
    # ✅ 使用超时控制
    try:
        result = await asyncio.wait_for(operation(), timeout=5.0)
    except asyncio.TimeoutError:
        print("Operation timed out")
    # ✅ 正确使用 await
    result = await fetch_data()
    print(result)
    # 查看任务状态
    task = asyncio.create_task(some_coro())
    print(task.done())  # 是否完成
    await task
    print(task.cancelled())  # 是否被取消
    print(task.exception())  # 异常信息

asyncio.run(main())
