package io.aio4j.files;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AsyncFiles against the real disk; each Python behaviour was checked with CPython 3.11's open(). */
class AsyncFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeThenReadLinesAsAiofilesDoes() throws Exception {
        Path p = dir.resolve("out.txt");
        Aio.run(() -> {
            try (AsyncFile f = AsyncFiles.open(p, "w")) {
                assertEquals(6, f.write("hello\n"));
                f.write("world\nno newline");
            }
            List<String> lines = new ArrayList<>();
            try (AsyncFile f = AsyncFiles.open(p, "r")) {
                for (String line : f) {
                    lines.add(line);
                }
            }
            assertEquals(List.of("hello\n", "world\n", "no newline"), lines);
            try (AsyncFile f = AsyncFiles.open(p, "r")) {
                assertEquals("hel", f.read(3));
                assertEquals("lo\n", f.readline());
                assertEquals("world\nno newline", f.read());
                assertEquals("", f.read());
                assertEquals("", f.readline());
            }
        });
    }

    @Test
    void universalNewlinesOnReadingAndBytesUntouchedInBinaryMode() throws Exception {
        Path p = dir.resolve("nl.txt");
        Files.write(p, "a\r\nb\rc\n".getBytes(UTF_8));
        Aio.run(() -> {
            assertEquals(List.of("a", "b", "c"), AsyncFiles.lines(p));
            try (AsyncFile f = AsyncFiles.open(p, "rb")) {
                assertArrayEquals("a\r\n".getBytes(UTF_8), f.readlineBytes());
                assertArrayEquals("b\rc\n".getBytes(UTF_8), f.readBytes());
            }
        });
    }

    @Test
    void charactersAndCrLfSplitAcrossTheReadAheadBoundaryStayWhole() throws Exception {
        Path p = dir.resolve("boundary.txt");
        String text = "x".repeat(AsyncFile.CHUNK - 1) + "é\r\nafter\n"; // é's two bytes and \r\n straddle 64 KiB
        Files.write(p, text.getBytes(UTF_8));
        Aio.run(() -> {
            try (AsyncFile f = AsyncFiles.open(p, "r")) {
                assertEquals("x".repeat(AsyncFile.CHUNK - 1) + "é\n", f.readline());
                assertEquals("after\n", f.readline());
                assertEquals("", f.readline());
            }
        });
    }

    @Test
    void modesBehaveAsPythonsOpen() throws Exception {
        Path p = dir.resolve("m.txt");
        Aio.run(() -> {
            assertThrows(NoSuchFileException.class, () -> AsyncFiles.open(p, "r"));
            AsyncFiles.writeText(p, "one\n");
            var exists = assertThrows(FileAlreadyExistsException.class, () -> AsyncFiles.open(p, "x"));
            assertTrue(exists.getMessage().contains("m.txt"), exists.getMessage());
            try (AsyncFile f = AsyncFiles.open(p, "a")) {
                f.write("two\n");
            }
            assertEquals("one\ntwo\n", AsyncFiles.readText(p));
            try (AsyncFile f = AsyncFiles.open(p, "rb+")) { // a write after a read goes where the reader is
                assertArrayEquals("one\n".getBytes(UTF_8), f.readlineBytes());
                f.write("TW".getBytes(UTF_8));
            }
            assertEquals("one\nTWo\n", AsyncFiles.readText(p));
            try (AsyncFile f = AsyncFiles.open(p, "w+")) {
                f.write("fresh");
                f.seek(0);
                assertEquals("fresh", f.read());
                assertEquals(5, f.tell());
            }
            Path x = dir.resolve("new.bin");
            try (AsyncFile f = AsyncFiles.open(x, "xb")) {
                f.write(new byte[] {1, 2, 3});
            }
            assertArrayEquals(new byte[] {1, 2, 3}, AsyncFiles.readBytes(x));
        });
    }

    @Test
    void misuseNamesTheRuleAndTheValue() throws Exception {
        Path p = dir.resolve("misuse.txt");
        assertEquals("invalid mode: 'rr'", assertThrows(IllegalArgumentException.class, () -> Mode.parse("rr")).getMessage());
        assertEquals("must have exactly one of create/read/write/append mode: 'rw'",
                assertThrows(IllegalArgumentException.class, () -> Mode.parse("rw")).getMessage());
        assertEquals("can't have text and binary mode at once: 'rbt'",
                assertThrows(IllegalArgumentException.class, () -> Mode.parse("rbt")).getMessage());
        assertEquals("Must have exactly one of create/read/write/append mode and at most one plus: 'b'",
                assertThrows(IllegalArgumentException.class, () -> Mode.parse("b")).getMessage());
        Aio.run(() -> {
            AsyncFiles.writeText(p, "text");
            try (AsyncFile f = AsyncFiles.open(p, "w")) {
                var e = assertThrows(IllegalStateException.class, () -> f.write(new byte[1]));
                assertTrue(e.getMessage().startsWith("bytes need a binary file: "), e.getMessage());
                assertTrue(assertThrows(IllegalStateException.class, f::read).getMessage().startsWith("not readable: "));
            }
            try (AsyncFile f = AsyncFiles.open(p, "rb")) {
                var e = assertThrows(IllegalStateException.class, f::readline);
                assertTrue(e.getMessage().startsWith("text needs a text file: "), e.getMessage());
                assertTrue(assertThrows(IllegalStateException.class, () -> f.write(new byte[1])).getMessage()
                        .startsWith("not writable: "));
            }
            AsyncFile f = AsyncFiles.open(p, "r");
            f.close();
            f.close(); // a second close does nothing
            var closed = assertThrows(IllegalStateException.class, f::readline);
            assertTrue(closed.getMessage().startsWith("I/O operation on closed file: "), closed.getMessage());
        });
    }

    @Test
    void encodingsAndMalformedInput() throws Exception {
        Path p = dir.resolve("enc.txt");
        Aio.run(() -> {
            AsyncFiles.writeText(p, "héllo\nwörld\n", StandardCharsets.UTF_16);
            try (AsyncFile f = AsyncFiles.open(p, "r", StandardCharsets.UTF_16)) {
                assertEquals("héllo\n", f.readline());
                assertEquals("wörld\n", f.readline());
            }
            AsyncFiles.writeBytes(p, new byte[] {'o', 'k', (byte) 0xff, '\n'});
            assertThrows(MalformedInputException.class, () -> AsyncFiles.readText(p)); // Python: UnicodeDecodeError
        });
    }

    @Test
    void otherTasksRunWhileTheDiskWorks() throws Exception {
        Path p = dir.resolve("big.bin");
        byte[] data = new byte[48 << 20];
        for (int i = 0; i < data.length; i += 4096) {
            data[i] = (byte) i;
        }
        Files.write(p, data);
        Aio.run(() -> {
            int[] ticks = {0};
            boolean[] stop = {false};
            Task<Void> ticker = Aio.createTask(() -> {
                while (!stop[0]) {
                    ticks[0]++;
                    Aio.sleep(0);
                }
            });
            Aio.sleep(0);
            int before = ticks[0];
            byte[] read = AsyncFiles.readBytes(p);
            int during = ticks[0] - before;
            stop[0] = true;
            ticker.await();
            assertEquals(data.length, read.length);
            assertTrue(during > 0, "the loop was held while the disk worked");
        });
    }

    @Test
    void cancellingAWriteClosesTheFileAndLeavesAPrefix() throws Exception {
        Path p = dir.resolve("cancel.bin");
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i % 251);
        }
        AsyncFile[] file = new AsyncFile[1];
        Aio.run(() -> {
            Task<Void> writer = Aio.createTask(() -> {
                try (AsyncFile f = AsyncFiles.open(p, "wb")) {
                    file[0] = f;
                    for (int i = 0; i < 256; i++) {
                        f.write(chunk);
                    }
                }
            });
            while (!Files.exists(p) || Files.size(p) < 2 * chunk.length) {
                Aio.sleep(0.001);
            }
            writer.cancel();
            assertThrows(CancelledError.class, writer::await);
            assertTrue(file[0].closed());
            var e = assertThrows(IllegalStateException.class, () -> file[0].write(chunk));
            assertTrue(e.getMessage().startsWith("I/O operation on closed file"), e.getMessage());
            Aio.awaitFuture(file[0].closedOnDisk); // the write in flight finished, then the file closed
        });
        byte[] content = Files.readAllBytes(p);
        assertTrue(content.length < 256L * chunk.length, "the cancellation stopped the writes: " + content.length);
        for (int i = 0; i < content.length; i++) {
            if (content[i] != (byte) ((i % chunk.length) % 251)) {
                throw new AssertionError("byte " + i + " is not what was written: the file is not a prefix");
            }
        }
    }

    @Test
    void aCancelledWriteNeverLandsAfterTheTaskEnded() throws Exception {
        Path p = dir.resolve("late.bin");
        byte[] big = new byte[64 << 20];
        java.util.Arrays.fill(big, (byte) 7);
        byte[] small = new byte[1024];
        java.util.Arrays.fill(small, (byte) 1);
        for (int trial = 0; trial < 4; trial++) {
            Aio.run(() -> {
                Task<Void> writer = Aio.createTask(() -> {
                    try (AsyncFile f = AsyncFiles.open(p, "wb")) {
                        f.write(big);
                    }
                });
                while (!Files.exists(p) || Files.size(p) == 0) { // the big write is on its way to the disk
                    Aio.sleep(0.0002);
                }
                writer.cancel();
                try {
                    writer.await();
                } catch (CancelledError expected) {
                    // the usual outcome; a write that finished first is fine too
                }
                long ended = Files.size(p);
                Thread.sleep(20); // not a timing assertion: a write still in flight would land meanwhile
                assertEquals(ended, Files.size(p), "the file grew after the cancelled task ended");
                try (AsyncFile f = AsyncFiles.open(p, "wb")) { // at once: no late write may follow
                    f.write(small);
                }
            });
            assertArrayEquals(small, Files.readAllBytes(p), "trial " + trial);
        }
    }

    @Test
    void aCancelledOpenLeavesNoFileOpen() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(fds), "counts open files through /proc (Linux)");
        java.util.Random random = new java.util.Random(7);
        Aio.run(() -> {
            for (int i = 0; i < 300; i++) {
                Path p = dir.resolve("open-" + i + ".txt");
                Task<Void> t = Aio.createTask(() -> {
                    try (AsyncFile f = AsyncFiles.open(p, "w")) {
                        f.write("x");
                    }
                });
                Aio.sleep(random.nextInt(0, 3000) * 1e-6);
                t.cancel();
                try {
                    t.await();
                } catch (CancelledError expected) {
                    // most of them
                }
            }
            Aio.sleep(0.05); // an open still on the executor closes what it opens when it ends
        });
        long open = 0;
        try (var links = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) links::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).startsWith(dir)) {
                        open++;
                    }
                } catch (java.io.IOException gone) {
                    // closed while listing
                }
            }
        }
        assertEquals(0, open, "files left open by cancelled opens");
    }
}
