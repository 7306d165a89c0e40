package io.aio4j.http.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The handler of a static route ({@link Application#addStatic}): maps the rest of the path to a
 * file under the directory, refusing any path that leaves it (by {@code ..}, an absolute part, or
 * a symbolic link) with a 403.
 */
record StaticFiles(String prefix, Path directory, boolean showIndex) implements Handler {
    @Override
    public StreamResponse handle(Request request) throws IOException {
        String rel = request.matchInfo("filename");
        if (rel.isEmpty() || rel.indexOf('\0') >= 0 || rel.indexOf('\\') >= 0) {
            throw rel.isEmpty() ? HttpException.forbidden() : HttpException.notFound();
        }
        Path root = directory.toAbsolutePath().normalize();
        Path file = root.resolve(rel).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw HttpException.forbidden();
        }
        Path real;
        try {
            real = io.aio4j.Aio.toThread(() -> file.toRealPath());
            Path realRoot = io.aio4j.Aio.toThread(() -> root.toRealPath());
            if (!real.startsWith(realRoot)) {
                throw HttpException.forbidden();
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw HttpException.notFound();
        }
        if (Files.isDirectory(real)) {
            throw HttpException.forbidden();
        }
        return new FileResponse(real);
    }
}
