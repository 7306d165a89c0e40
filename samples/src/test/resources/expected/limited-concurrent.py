import asyncio

async def limited_concurrent(tasks, limit):
    semaphore = asyncio.Semaphore(limit)

    async def wrapped(task):
        async with semaphore:
            return await task

    return await asyncio.gather(*[wrapped(t) for t in tasks])

# the seed's fetch(url) is not shown: a stand-in that takes 0.5 s and counts who runs at once
running = 0
most = 0

async def fetch(url):
    global running, most
    running += 1
    most = max(most, running)
    await asyncio.sleep(0.5)
    running -= 1
    return f"{url}: 200"

async def main():
    urls = [f"https://example.com/page/{i}" for i in range(25)]
    # 限制最大并发数
    tasks = [fetch(url) for url in urls]
    results = await limited_concurrent(tasks, 10)  # 最大10个并发
    print(f"{len(results)} results, first {results[0]!r}, last {results[-1]!r}")
    print(f"at most {most} at once")

asyncio.run(main())
