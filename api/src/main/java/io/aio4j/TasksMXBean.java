package io.aio4j;

/**
 * The JMX face of aio4j's task dumps, registered as {@code io.aio4j:type=Tasks} when the first event
 * loop is created (unless {@code -Daio4j.jmx=false}): {@code jconsole}, VisualVM or any JMX client
 * can call {@link #dumpTasks()} on a running program.
 *
 * @apiNote asyncio: {@code python -m asyncio ps|pstree PID} (3.14)
 */
public interface TasksMXBean {
    /** The task trees of every open loop, as {@link Aio#dumpTasks()} prints them from outside a loop. */
    String dumpTasks();

    /** How many event loops are open. */
    int getOpenLoops();
}
