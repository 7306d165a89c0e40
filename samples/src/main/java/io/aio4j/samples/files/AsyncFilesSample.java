package io.aio4j.samples.files;

import io.aio4j.Aio;
import io.aio4j.files.AsyncFile;
import io.aio4j.files.AsyncFiles;
import io.aio4j.samples.Py;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Seed 002, "读写流" (and seed 003's advice to use aiofiles): write a file and read it back without
 * blocking the loop. The seed writes {@code asyncio.aiofiles.open}; aiofiles is a library of its own,
 * and {@link AsyncFiles} is aio4j's.
 *
 * <pre>{@code
 * async def write_to_file(filename, data):
 *     async with aiofiles.open(filename, 'w') as f:
 *         await f.write(data)
 * async def read_from_file(filename):
 *     async with aiofiles.open(filename, 'r') as f:
 *         content = await f.read()
 *     return content
 * }</pre>
 */
public final class AsyncFilesSample {
    private AsyncFilesSample() {
    }

    static void writeToFile(Path filename, String data) throws Exception {
        try (AsyncFile f = AsyncFiles.open(filename, "w")) {
            f.write(data);
        }
    }

    static String readFromFile(Path filename) throws Exception {
        try (AsyncFile f = AsyncFiles.open(filename, "r")) {
            return f.read();
        }
    }

    static void asyncMain() throws Exception {
        Path filename = Files.createTempDirectory("aio4j-sample").resolve("notes.txt");
        writeToFile(filename, "第一行\nsecond line\n");
        String content = readFromFile(filename);
        System.out.println(Py.repr(content));
        try (AsyncFile f = AsyncFiles.open(filename, "r")) {
            for (String line : f) { // async for line in f
                System.out.println(line.stripTrailing());
            }
        }
        Files.delete(filename);
        Files.delete(filename.getParent());
    }

    public static void main(String[] args) throws Exception {
        Aio.run(AsyncFilesSample::asyncMain);
    }
}
