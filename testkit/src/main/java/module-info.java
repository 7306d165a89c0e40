/**
 * The aio4j test kit: {@link io.aio4j.testkit.AioTest} (virtual time, reproducible schedules, leak
 * checks), {@link io.aio4j.testkit.MemoryNetwork}, {@link io.aio4j.testkit.StreamConformance} and
 * {@link io.aio4j.testkit.Expect}.
 */
module io.aio4j.testkit {
    requires transitive io.aio4j.net;
    requires transitive org.junit.jupiter.api;
    exports io.aio4j.testkit;
}
