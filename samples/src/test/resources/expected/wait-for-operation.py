import asyncio
async def slow_operation():
    await asyncio.sleep(5)
    return "Done"
async def main():
    try:
        # 等待最多 2 秒
        result = await asyncio.wait_for(slow_operation(), timeout=2.0)
        print(result)
    except asyncio.TimeoutError:
        print("Operation timed out")
asyncio.run(main())
