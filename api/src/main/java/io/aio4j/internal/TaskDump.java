package io.aio4j.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of a loop's live tasks: each task under the task that created it, the members of a task
 * group under a {@code TaskGroup} line; for each, its name, state, the aio4j call it is waiting in
 * and the stack from there down to the task's body (asyncio 3.14's {@code pstree}, kotlinx's
 * {@code DebugProbes.dumpCoroutines}).
 */
final class TaskDump {
    private final List<TaskImpl<?>> tasks;
    private final Map<TaskImpl<?>, List<TaskImpl<?>>> children = new IdentityHashMap<>();
    private final Appendable out;

    private TaskDump(List<TaskImpl<?>> tasks, Appendable out) {
        this.tasks = tasks;
        this.out = out;
    }

    static void write(EventLoopImpl loop, Writer out) {
        List<TaskImpl<?>> tasks = loop.pendingTasks();
        try {
            out.write(loop + ": " + tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + "\n");
            new TaskDump(tasks, out).write();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() throws IOException {
        java.util.Set<TaskImpl<?>> live = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        live.addAll(tasks);
        List<TaskImpl<?>> roots = new ArrayList<>();
        for (TaskImpl<?> t : tasks) {
            if (t.parent != null && live.contains(t.parent)) {
                children.computeIfAbsent(t.parent, k -> new ArrayList<>()).add(t);
            } else {
                roots.add(t);
            }
        }
        for (TaskImpl<?> t : roots) {
            task(t, "", t.parent != null ? " (its creator " + t.parent.name() + " has finished)" : "");
        }
    }

    private void task(TaskImpl<?> t, String indent, String note) throws IOException {
        StackTraceElement[] stack = t.stack();
        String state = t.stepState();
        StringBuilder line = new StringBuilder(indent).append("Task '").append(t.name()).append("' (").append(state)
                .append(')');
        int user = -1;
        for (int i = 0; i < stack.length; i++) {
            if (!io.aio4j.bridge.lowlevel.CallSite.machinery(stack[i].getClassName())) {
                user = i;
                break;
            }
        }
        int api = user > 0 ? awaited(stack, user) : -1;
        if (state.equals("waiting") && user >= 0) {
            line.append(" awaiting ");
            if (api >= 0) {
                String c = stack[api].getClassName();
                line.append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(stack[api].getMethodName())
                        .append(" at ");
            }
            line.append(stack[user]);
        }
        line.append(note).append('\n');
        out.append(line);
        if (user >= 0) {
            for (int i = api >= 0 ? api : user; i < stack.length; i++) {
                String c = stack[i].getClassName();
                if (c.startsWith("io.aio4j.internal.TaskImpl") || c.startsWith("io.aio4j.bridge.internal.")) {
                    break; // the task's own start-up frames
                }
                if (i > api && io.aio4j.bridge.lowlevel.CallSite.machinery(c)) {
                    continue; // machinery between the user's frames (lambdas, reflection, aio4j internals)
                }
                out.append(indent).append("    at ").append(stack[i].toString()).append('\n');
            }
        }
        Map<TaskGroupImpl, List<TaskImpl<?>>> groups = new LinkedHashMap<>();
        List<TaskImpl<?>> plain = new ArrayList<>();
        for (TaskImpl<?> c : children.getOrDefault(t, List.of())) {
            if (c.group != null) {
                groups.computeIfAbsent(c.group, k -> new ArrayList<>()).add(c);
            } else {
                plain.add(c);
            }
        }
        for (TaskImpl<?> c : plain) {
            task(c, indent + "  ", "");
        }
        for (Map.Entry<TaskGroupImpl, List<TaskImpl<?>>> g : groups.entrySet()) {
            out.append(indent).append("  ").append(g.getKey().toString()).append('\n');
            for (TaskImpl<?> c : g.getValue()) {
                task(c, indent + "    ", "");
            }
        }
    }

    /** The index of the public aio4j call the user frame is in ("Aio.sleep", "Queue.get"), or -1. */
    private static int awaited(StackTraceElement[] stack, int user) {
        for (int i = user - 1; i >= 0; i--) {
            String c = stack[i].getClassName();
            if (c.startsWith("io.aio4j.") && !c.contains(".internal.") && !c.contains("$")) {
                return i;
            }
        }
        return -1;
    }
}
