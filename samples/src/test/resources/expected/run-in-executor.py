import asyncio
from concurrent.futures import ThreadPoolExecutor
def blocking_io():
    """模拟阻塞 I/O"""
    import time
    time.sleep(2)
    return "IO result"
async def main():
    # 在线程池中运行阻塞 I/O
    loop = asyncio.get_event_loop()
    with ThreadPoolExecutor() as pool:
        result = await loop.run_in_executor(
            pool,
            blocking_io
        )
        print(result)
asyncio.run(main())
