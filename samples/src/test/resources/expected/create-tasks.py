import asyncio
async def fetch_data(id):
    print(f"Fetching data {id}")
    await asyncio.sleep(1)
    return f"Data {id}"
async def main():
    task1 = asyncio.create_task(fetch_data(1))
    task2 = asyncio.create_task(fetch_data(2))
    result1 = await task1
    result2 = await task2
    print(result1, result2)
asyncio.run(main())
