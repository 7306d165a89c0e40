/**
 * The aio4j test kit. The test-kit issue fills it; for now it only takes its place in the module
 * graph (and is the module that aio4j's internal packages are exported to).
 */
module io.aio4j.testkit {
    requires transitive io.aio4j.net;
    requires org.junit.jupiter.api;
}
