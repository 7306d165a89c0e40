import aiohttp, sys
import asyncio
BASE = f"http://127.0.0.1:{sys.argv[1]}"  # the stand-in for httpbin.org
async def fetch(session, url):
    """异步获取 URL"""
    async with session.get(url) as response:
        return await response.text()
async def main():
    urls = [
        BASE + "/get",
        BASE + "/delay/1",
        BASE + "/json",
    ]
    async with aiohttp.ClientSession() as session:
        tasks = [fetch(session, url) for url in urls]
        results = await asyncio.gather(*tasks)
        for result in results:
            print(len(result))
asyncio.run(main())
