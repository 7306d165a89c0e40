import asyncio
async def async_range(n):
    """异步生成器"""
    for i in range(n):
        await asyncio.sleep(0.5)
        yield i
async def main():
    # 使用异步生成器
    async for num in async_range(5):
        print(num)
    # 异步列表推导
    result = [num async for num in async_range(5)]
    print(result)
asyncio.run(main())
