import asyncio
event = asyncio.Event()
async def waiter(name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} got event")
async def setter():
    await asyncio.sleep(2)
    print("Setting event")
    event.set()
async def main():
    await asyncio.gather(
        waiter("A"),
        waiter("B"),
        setter()
    )
asyncio.run(main())
