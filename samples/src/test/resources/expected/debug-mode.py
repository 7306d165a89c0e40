import asyncio
import time

# seeds 001/002: asyncio.run(coro(), debug=True) and loop.slow_callback_duration = 0.1.
# The slow step is logged on stderr ("Executing <Task ...> took 0.2.. seconds"); stdout shows the program.
async def blocking_step():
    time.sleep(0.2)  # ❌ blocks the loop: debug mode names it
    return "done"

async def main():
    loop = asyncio.get_running_loop()
    loop.slow_callback_duration = 0.1  # 秒
    print(f"debug: {loop.get_debug()}")
    print(await asyncio.create_task(blocking_step()))

asyncio.run(main(), debug=True)
