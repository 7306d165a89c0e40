package io.aio4j.files;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Files from tasks without blocking the loop (the {@code aiofiles} equivalent): the disk work runs
 * on the loop's default executor while other tasks keep running, and reads and writes are buffered
 * in the task, so that a {@code readline} or a small {@code write} usually never leaves the loop.
 *
 * {@snippet :
 * try (AsyncFile f = AsyncFiles.open("out.txt", "w")) {   // async with aiofiles.open('out.txt', 'w') as f:
 *     f.write("hello\n");                                  //     await f.write('hello\n')
 * }
 * for (String line : AsyncFiles.open("out.txt", "r")) { ... }   // async for line in f:
 * }
 *
 * @apiNote aiofiles: {@code aiofiles.open}; asyncio has no files of its own
 */
public final class AsyncFiles {
    private AsyncFiles() {
    }

    /**
     * Opens a file in one of Python's modes: {@code r}, {@code w}, {@code a} or {@code x}, optionally
     * with {@code b} (binary), {@code t} (text, the default) and {@code +} (reading and writing). Text
     * files are UTF-8.
     *
     * <p><b>Cancellation:</b> a cancelled {@code open} leaves no file open: one still being opened is
     * closed by the opener, one opened just before the cancellation arrived is closed here.
     *
     * @throws IllegalArgumentException {@code invalid mode: 'rw'} (Python's ValueError)
     * @throws java.nio.file.NoSuchFileException for {@code r} on a missing file (Python's FileNotFoundError)
     * @throws java.nio.file.FileAlreadyExistsException for {@code x} on an existing file (FileExistsError)
     */
    public static AsyncFile open(Path path, String mode) throws IOException {
        return open(path, mode, StandardCharsets.UTF_8);
    }

    /** {@link #open(Path, String)} with a path string. */
    public static AsyncFile open(String path, String mode) throws IOException {
        return open(Path.of(path), mode);
    }

    /**
     * {@link #open(Path, String)} with the text encoding (Python's {@code encoding=}); ignored in
     * binary mode.
     */
    public static AsyncFile open(Path path, String mode, Charset encoding) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(encoding, "encoding");
        return AsyncFile.open(path, Mode.parse(mode), encoding);
    }

    /** The whole file as UTF-8 text. */
    public static String readText(Path path) throws IOException {
        return readText(path, StandardCharsets.UTF_8);
    }

    /** The whole file as text in {@code encoding}. */
    public static String readText(Path path, Charset encoding) throws IOException {
        try (AsyncFile f = open(path, "r", encoding)) {
            return f.read();
        }
    }

    /** The whole file's bytes. */
    public static byte[] readBytes(Path path) throws IOException {
        try (AsyncFile f = open(path, "rb")) {
            return f.readBytes();
        }
    }

    /** Replaces the file's content with {@code text} in UTF-8 (creating the file). */
    public static void writeText(Path path, String text) throws IOException {
        writeText(path, text, StandardCharsets.UTF_8);
    }

    /** Replaces the file's content with {@code text} in {@code encoding} (creating the file). */
    public static void writeText(Path path, String text, Charset encoding) throws IOException {
        try (AsyncFile f = open(path, "w", encoding)) {
            f.write(text);
        }
    }

    /** Replaces the file's content with {@code bytes} (creating the file). */
    public static void writeBytes(Path path, byte[] bytes) throws IOException {
        try (AsyncFile f = open(path, "wb")) {
            f.write(bytes);
        }
    }

    /** The file's lines as UTF-8 text, without their line endings. */
    public static List<String> lines(Path path) throws IOException {
        List<String> lines = new ArrayList<>();
        try (AsyncFile f = open(path, "r")) {
            for (String line; !(line = f.readline()).isEmpty(); ) {
                lines.add(line.endsWith("\n") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return lines;
    }
}
