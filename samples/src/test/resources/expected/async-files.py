import asyncio
import os
import tempfile
import aiofiles

async def write_to_file(filename, data):
    """异步写入文件"""
    async with aiofiles.open(filename, 'w') as f:
        await f.write(data)

async def read_from_file(filename):
    """异步读取文件"""
    async with aiofiles.open(filename, 'r') as f:
        content = await f.read()
    return content

async def main():
    # the seed writes asyncio.aiofiles.open: aiofiles is its own library
    filename = os.path.join(tempfile.mkdtemp(), "notes.txt")
    await write_to_file(filename, "第一行\nsecond line\n")
    content = await read_from_file(filename)
    print(repr(content))
    async with aiofiles.open(filename, 'r') as f:
        async for line in f:
            print(line.rstrip("\n"))
    os.remove(filename)

asyncio.run(main())
