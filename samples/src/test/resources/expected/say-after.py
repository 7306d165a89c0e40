import asyncio
async def say_after(delay, text):
    await asyncio.sleep(delay)
    print(text)
async def main():
    await say_after(1, 'Hello')
    await say_after(2, 'World')
async def main2():
    await asyncio.gather(say_after(1, 'Hello'), say_after(2, 'World'))
asyncio.run(main())
asyncio.run(main2())
