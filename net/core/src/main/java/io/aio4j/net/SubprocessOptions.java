package io.aio4j.net;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Net#createSubprocessExec} starts a process. Defaults: all three standard streams are
 * {@link Stdio#PIPE} (asyncio inherits them unless told otherwise), the parent's directory and
 * environment, a reader limit of 64 KiB.
 *
 * @apiNote asyncio: the keyword arguments of {@code asyncio.create_subprocess_exec}
 */
public final class SubprocessOptions {
    private static final SubprocessOptions DEFAULTS = new SubprocessOptions(Stdio.PIPE, Stdio.PIPE, Stdio.PIPE, null, null, 1 << 16);

    private final Stdio stdin;
    private final Stdio stdout;
    private final Stdio stderr;
    private final Path cwd;
    private final Map<String, String> env;
    private final int limit;

    private SubprocessOptions(Stdio stdin, Stdio stdout, Stdio stderr, Path cwd, Map<String, String> env, int limit) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.cwd = cwd;
        this.env = env;
        this.limit = limit;
    }

    /**
     * Pipes for stdin, stdout and stderr.
     *
     * @apiNote asyncio: {@code stdin=PIPE, stdout=PIPE, stderr=PIPE}
     */
    public static SubprocessOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @apiNote asyncio: {@code stdin=}
     * @throws IllegalArgumentException for {@link Stdio#STDOUT}
     */
    public SubprocessOptions withStdin(Stdio s) {
        if (Objects.requireNonNull(s, "stdin") == Stdio.STDOUT) {
            throw new IllegalArgumentException("Stdio.STDOUT is for stderr only, not stdin");
        }
        return new SubprocessOptions(s, stdout, stderr, cwd, env, limit);
    }

    /**
     * @apiNote asyncio: {@code stdout=}
     * @throws IllegalArgumentException for {@link Stdio#STDOUT}
     */
    public SubprocessOptions withStdout(Stdio s) {
        if (Objects.requireNonNull(s, "stdout") == Stdio.STDOUT) {
            throw new IllegalArgumentException("Stdio.STDOUT is for stderr only, not stdout");
        }
        return new SubprocessOptions(stdin, s, stderr, cwd, env, limit);
    }

    /**
     * @apiNote asyncio: {@code stderr=} ({@code STDOUT} merges it into stdout)
     */
    public SubprocessOptions withStderr(Stdio s) {
        return new SubprocessOptions(stdin, stdout, Objects.requireNonNull(s, "stderr"), cwd, env, limit);
    }

    /**
     * @apiNote asyncio: {@code cwd=}
     */
    public SubprocessOptions withCwd(Path dir) {
        return new SubprocessOptions(stdin, stdout, stderr, dir, env, limit);
    }

    /**
     * Replaces the whole environment.
     *
     * @apiNote asyncio: {@code env=}
     */
    public SubprocessOptions withEnv(Map<String, String> environment) {
        return new SubprocessOptions(stdin, stdout, stderr, cwd, Map.copyOf(environment), limit);
    }

    /**
     * @apiNote asyncio: {@code limit=}
     */
    public SubprocessOptions withLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 bytes: " + limit);
        }
        return new SubprocessOptions(stdin, stdout, stderr, cwd, env, limit);
    }

    /**
     * @apiNote asyncio: {@code stdin}
     */
    public Stdio stdin() {
        return stdin;
    }

    /**
     * @apiNote asyncio: {@code stdout}
     */
    public Stdio stdout() {
        return stdout;
    }

    /**
     * @apiNote asyncio: {@code stderr}
     */
    public Stdio stderr() {
        return stderr;
    }

    /**
     * @apiNote asyncio: {@code cwd}
     */
    public Path cwd() {
        return cwd;
    }

    /**
     * @apiNote asyncio: {@code env}
     */
    public Map<String, String> env() {
        return env;
    }

    /**
     * @apiNote asyncio: {@code limit}
     */
    public int limit() {
        return limit;
    }
}
