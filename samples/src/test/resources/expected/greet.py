import asyncio
async def greet(name):
    print(f"Hello, {name}!")
    await asyncio.sleep(1)
    print(f"Goodbye, {name}!")
    return f"Greeted {name}"
async def main():
    result = await greet("Alice")
    print(result)
asyncio.run(main())
