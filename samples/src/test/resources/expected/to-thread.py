import asyncio

# seed 001: "将CPU密集型任务放入线程池: await asyncio.to_thread(cpu_intensive_task)"
def cpu_intensive_task():
    return sum(i * i for i in range(3_000_000))

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.01)
    print("the loop kept running")

async def main():
    tick = asyncio.create_task(ticker())
    result = await asyncio.to_thread(cpu_intensive_task)
    await tick
    print(f"cpu_intensive_task() = {result}")

asyncio.run(main())
