import asyncio, sys
import aiohttp
BASE = f"http://127.0.0.1:{sys.argv[1]}"  # the stand-in for httpbin.org

async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()

async def main():
    async with aiohttp.ClientSession() as session:
        # 并发请求
        urls = [BASE + '/delay/1',
                BASE + '/delay/2',
                BASE + '/delay/3']
        results = await asyncio.gather(*[fetch(session, url) for url in urls])
        print(f"完成 {len(results)} 个请求")

asyncio.run(main())
