package io.aio4j.net;

/**
 * Where a subprocess's standard stream goes.
 *
 * @apiNote asyncio: {@code asyncio.subprocess.PIPE}, {@code DEVNULL}, {@code STDOUT}, and {@code None}
 *     (inherit)
 */
public enum Stdio {
    /** A stream of the {@link Process}: its {@code stdin()}, {@code stdout()} or {@code stderr()}. */
    PIPE,
    /** Nothing in, everything out discarded. */
    DEVNULL,
    /** The parent's own stream (asyncio's default, {@code None}). */
    INHERIT,
    /** For stderr only: into the same pipe as stdout. */
    STDOUT
}
