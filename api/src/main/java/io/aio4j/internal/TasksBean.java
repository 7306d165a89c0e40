package io.aio4j.internal;

import io.aio4j.TasksMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/** Registers {@link TasksMXBean} once per JVM, off the caller's thread (the platform MBean server is slow to start). */
final class TasksBean implements TasksMXBean {
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    static void registerOnce() {
        if (!Boolean.parseBoolean(System.getProperty("aio4j.jmx", "true")) || !REGISTERED.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("aio4j-jmx-register").start(() -> {
            try {
                ManagementFactory.getPlatformMBeanServer().registerMBean(new TasksBean(), new ObjectName("io.aio4j:type=Tasks"));
            } catch (Exception | LinkageError e) {
                System.getLogger("io.aio4j").log(System.Logger.Level.DEBUG, "aio4j: no JMX task dumps", e);
            }
        });
    }

    @Override
    public String dumpTasks() {
        return EventLoopImpl.dumpAll();
    }

    @Override
    public int getOpenLoops() {
        return EventLoopImpl.openLoops();
    }
}
