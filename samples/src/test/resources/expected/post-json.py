import aiohttp, sys
import asyncio
BASE = f"http://127.0.0.1:{sys.argv[1]}"  # the stand-in for httpbin.org
async def post_data(session, url, data):
    """异步 POST 请求"""
    async with session.post(url, json=data) as response:
        return await response.json()
async def main():
    url = BASE + "/post"
    data = {"key": "value"}
    async with aiohttp.ClientSession() as session:
        result = await post_data(session, url, data)
        print(result)
asyncio.run(main())
