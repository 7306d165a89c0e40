import asyncio
import time
# ❌ 同步阻塞(阻塞事件循环)
def blocking_call():
    time.sleep(2) # 阻塞整个事件循环
    return "Done"
# ✅ 异步非阻塞
async def non_blocking_call():
    await asyncio.sleep(2) # 只阻塞当前协程
    return "Done"
# 在异步代码中运行阻塞函数
async def main():
    # 方法 1:在线程池中运行
    loop = asyncio.get_event_loop()
    result = await loop.run_in_executor(None, blocking_call)
    print(result)
asyncio.run(main())
