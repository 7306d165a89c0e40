import aiohttp, sys
import asyncio
BASE = f"http://127.0.0.1:{sys.argv[1]}"  # the stand-in for the three sites

async def fetch_url(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()

async def main():
    urls = [
        BASE + '/example.com',
        BASE + '/python.org',
        BASE + '/aiohttp.readthedocs.io'
    ]
    tasks = [fetch_url(url) for url in urls]
    results = await asyncio.gather(*tasks)
    for url, content in zip(urls, results):
        print(f"{url}: {len(content)} bytes")

asyncio.run(main())
