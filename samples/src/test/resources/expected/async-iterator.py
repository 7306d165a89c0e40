import asyncio
class AsyncIterator:
    def __init__(self, stop):
        self.stop = stop
        self.current = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.current < self.stop:
            await asyncio.sleep(0.5)
            value = self.current
            self.current += 1
            return value
        raise StopAsyncIteration
async def main():
    async for num in AsyncIterator(5):
        print(num)
asyncio.run(main())
