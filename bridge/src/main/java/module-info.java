/**
 * The aio4j engine: the event loop, fibers and the one await primitive.
 *
 * <p>{@link io.aio4j.bridge.Suspend} is the public door for Java code that must call a Kotlin
 * {@code suspend} function. Everything else is reached through {@code io.aio4j.Aio}.
 */
module io.aio4j.bridge {
    // API
    requires transitive kotlin.stdlib;
    requires transitive kotlinx.coroutines.core;
    exports io.aio4j.bridge;
    exports io.aio4j.bridge.lowlevel;
}
