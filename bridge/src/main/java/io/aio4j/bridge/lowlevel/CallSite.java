package io.aio4j.bridge.lowlevel;

/**
 * Names the place in user code that a stack points at: the first frame outside aio4j's machinery
 * (for "created at" in leak reports and task dumps).
 */
public final class CallSite {
    private CallSite() {
    }

    private static final java.util.Map<String, Boolean> LIBRARY = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile java.util.Set<String> libraryLocations;

    /** Whether a frame is aio4j's or the JDK's / Kotlin's / Ktor's machinery rather than the user's code. */
    public static boolean machinery(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("kotlin") || className.startsWith("io.ktor.")) {
            return true;
        }
        if (!className.startsWith("io.aio4j.")) {
            return false;
        }
        // user code may share aio4j's packages (its own tests do): a class is aio4j's if it was loaded
        // from one of aio4j's jars (or class folders)
        int dollar = className.indexOf('$');
        String outer = dollar < 0 ? className : className.substring(0, dollar);
        return LIBRARY.computeIfAbsent(outer, CallSite::loadedFromAio4j);
    }

    private static boolean loadedFromAio4j(String className) {
        String where = location(className);
        return where != null && libraryLocations().contains(where);
    }

    private static java.util.Set<String> libraryLocations() {
        java.util.Set<String> s = libraryLocations;
        if (s == null) {
            s = new java.util.HashSet<>();
            for (String anchor : new String[] {"io.aio4j.Aio", "io.aio4j.bridge.Suspend", "io.aio4j.net.Net",
                    "io.aio4j.testkit.AioTesting"}) {
                String l = location(anchor);
                if (l != null) {
                    s.add(l);
                }
            }
            libraryLocations = s;
        }
        return s;
    }

    private static String location(String className) {
        try {
            Class<?> c = Class.forName(className, false, CallSite.class.getClassLoader());
            var source = c.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : source.getLocation().toString();
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return null;
        }
    }

    /** The first user frame of {@code stack}, or null. */
    public static StackTraceElement userFrame(StackTraceElement[] stack) {
        for (StackTraceElement f : stack) {
            if (!machinery(f.getClassName())) {
                return f;
            }
        }
        return null;
    }

    /** " (created at Class.method(File:line))" for a creation stack, or "" when there is none. */
    public static String createdAt(Throwable createdAt) {
        if (createdAt == null) {
            return "";
        }
        StackTraceElement f = userFrame(createdAt.getStackTrace());
        return f == null ? "" : " (created at " + f + ")";
    }
}
