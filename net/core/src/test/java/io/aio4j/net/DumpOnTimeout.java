package io.aio4j.net;

import io.aio4j.Aio;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.PreInterruptCallback;
import org.junit.jupiter.api.extension.PreInterruptContext;

/**
 * When a test times out, prints every open loop's task tree and writes a thread dump that includes
 * virtual threads (target/hang-*.txt, jcmd's Thread.dump_to_file), so a hang on either carrier can be
 * read after the fact. Registered for every test through the ServiceLoader (junit-platform.properties).
 */
public final class DumpOnTimeout implements PreInterruptCallback {
    @Override
    public void beforeThreadInterrupt(PreInterruptContext pre, ExtensionContext context) throws Exception {
        System.out.println("---- " + context.getDisplayName() + " timed out: aio4j tasks ----");
        System.out.println(Aio.dumpTasks());
        Path file = Path.of("target", "hang-" + context.getRequiredTestClass().getSimpleName() + "-"
                + System.currentTimeMillis() + ".txt").toAbsolutePath();
        Files.createDirectories(file.getParent());
        try { // the DiagnosticCommand MBean, reflectively: this module does not read java.management
            Class<?> mf = Class.forName("java.lang.management.ManagementFactory");
            Object server = mf.getMethod("getPlatformMBeanServer").invoke(null);
            Class<?> on = Class.forName("javax.management.ObjectName");
            Object name = on.getConstructor(String.class).newInstance("com.sun.management:type=DiagnosticCommand");
            Class.forName("javax.management.MBeanServerConnection")
                    .getMethod("invoke", on, String.class, Object[].class, String[].class)
                    .invoke(server, name, "threadDumpToFile", new Object[] {new String[] {file.toString()}},
                            new String[] {String[].class.getName()});
            System.out.println("---- thread dump (virtual threads too): " + file + " ----");
        } catch (ReflectiveOperationException e) {
            System.out.println("---- no thread dump: " + e + " ----");
        }
    }
}
