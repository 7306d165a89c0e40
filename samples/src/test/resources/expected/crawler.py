import asyncio

# seed 001's crawler architecture: 调度器 -> Worker 1..N -> 数据管道.
# The site is simulated (each page takes 0.1 s to fetch) so that the program runs offline.
SITE = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/"],
    "/b": ["/b/1", "/a"],
    "/c": [],
    "/a/1": ["/b/1"],
    "/a/2": [],
    "/b/1": ["/c"],
}

async def fetch(url):
    await asyncio.sleep(0.1)
    return SITE[url]

async def worker(name, urls, seen, data):
    while True:
        url = await urls.get()
        try:
            links = await fetch(url)
            await data.put((url, len(links), name))
            for link in links:
                if link not in seen:  # 调度器: each URL is scheduled once
                    seen.add(link)
                    urls.put_nowait(link)
        finally:
            urls.task_done()

async def pipeline(data, results):
    while True:
        url, links, name = await data.get()
        results.append(f"{url} ({links} links)")
        data.task_done()

async def main():
    urls, data = asyncio.Queue(), asyncio.Queue()
    seen = {"/"}
    urls.put_nowait("/")
    results = []
    workers = [asyncio.create_task(worker(f"worker-{i}", urls, seen, data)) for i in range(1, 4)]
    sink = asyncio.create_task(pipeline(data, results))
    await urls.join()
    await data.join()
    for t in workers + [sink]:
        t.cancel()
    await asyncio.gather(*workers, sink, return_exceptions=True)
    print(f"crawled {len(results)} pages with {len(workers)} workers")
    for line in sorted(results):
        print(line)

asyncio.run(main())
