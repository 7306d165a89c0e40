package io.aio4j.internal;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.AsyncCallable;
import io.aio4j.AsyncRunnable;
import io.aio4j.CancelledError;
import io.aio4j.ExceptionGroup;
import io.aio4j.Task;
import io.aio4j.TaskGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.aio4j.bridge.lowlevel.Waiter;

/** asyncio 3.13's {@code taskgroups.TaskGroup}, with the body as a lambda. */
public final class TaskGroupImpl implements TaskGroup {
    private final EventLoopImpl loop;
    private final TaskImpl<?> parent;
    private final Consumer<Task<?>> onTaskDone = this::onTaskDone;

    // guarded by this
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private Throwable baseError;
    private Waiter onCompleted;

    private TaskGroupImpl(TaskImpl<?> parent) {
        this.parent = parent;
        this.loop = parent.eventLoop();
    }

    /** {@code async with TaskGroup() as tg: body}. */
    public static void run(TaskGroup.Body body) {
        Objects.requireNonNull(body, "body");
        TaskGroupImpl tg = new TaskGroupImpl(TaskImpl.current("Aio.taskGroup"));
        Throwable raised = null;
        try {
            body.run(tg);
        } catch (Throwable e) {
            raised = e;
        }
        tg.exit(raised);
    }

    // ---- creating tasks --------------------------------------------------------------------------

    @Override
    public <T> Task<T> createTask(AsyncCallable<T> body) {
        return createTask(null, body);
    }

    @Override
    public <T> Task<T> createTask(String name, AsyncCallable<T> body) {
        Objects.requireNonNull(body, "body");
        synchronized (this) {
            if (exiting && tasks.isEmpty()) {
                throw new IllegalStateException("TaskGroup " + this + " is finished");
            }
            if (aborting) {
                throw new IllegalStateException("TaskGroup " + this + " is shutting down");
            }
        }
        TaskImpl<T> task = TaskImpl.create(loop, name, body, this);
        synchronized (this) {
            tasks.add(task);
        }
        task.addDoneCallback(onTaskDone);
        return task;
    }

    @Override
    public Task<Void> createTask(AsyncRunnable body) {
        return createTask(null, body);
    }

    @Override
    public Task<Void> createTask(String name, AsyncRunnable body) {
        Objects.requireNonNull(body, "body");
        return createTask(name, () -> {
            body.run();
            return null;
        });
    }

    // ---- a task finished -------------------------------------------------------------------------

    private void onTaskDone(Task<?> task) {
        Waiter wake = null;
        Throwable exc = task.cancelled() ? null : task.exception();
        boolean cancelParent = false;
        synchronized (this) {
            tasks.remove(task);
            if (onCompleted != null && tasks.isEmpty()) {
                wake = onCompleted;
                onCompleted = null;
            }
            if (exc != null) {
                errors.add(exc);
                if (isBaseError(exc) && baseError == null) {
                    baseError = exc;
                }
                if (!parent.done() && !aborting && !parentCancelRequested) {
                    // abort what the body is doing now; exit() takes this cancellation back
                    cancelParent = true;
                    parentCancelRequested = true;
                }
            }
        }
        if (wake != null) {
            wake.wake();
        }
        if (exc != null && parent.done()) {
            loop.loop.report("Task " + task.name() + " has errored out but its parent task " + parent.name()
                    + " is already completed", exc);
            return;
        }
        if (cancelParent) {
            abort();
            parent.cancel();
        }
    }

    private void abort() {
        List<Task<?>> running;
        synchronized (this) {
            aborting = true;
            running = new ArrayList<>(tasks);
        }
        for (Task<?> t : running) {
            if (!t.done()) {
                t.cancel();
            }
        }
    }

    private static boolean isBaseError(Throwable e) {
        return e instanceof VirtualMachineError; // asyncio: SystemExit, KeyboardInterrupt
    }

    // ---- leaving the block -----------------------------------------------------------------------

    private void exit(Throwable exc) {
        CancelledError propagate = exc instanceof CancelledError c ? c : null;
        boolean abortNow;
        synchronized (this) {
            exiting = true;
            if (exc != null && isBaseError(exc) && baseError == null) {
                baseError = exc;
            }
            abortNow = exc != null && !aborting;
        }
        if (abortNow) {
            abort(); // the body failed, or our task is being cancelled
        }
        while (!tasksEmpty()) {
            try {
                awaitTasks();
            } catch (CancelledError ex) {
                boolean wasAborting;
                synchronized (this) {
                    wasAborting = aborting;
                }
                if (!wasAborting) { // the task running the group is being cancelled
                    propagate = ex;
                    abort();
                }
            }
        }
        List<Throwable> errs;
        Throwable base;
        boolean uncancel;
        synchronized (this) {
            errs = new ArrayList<>(errors);
            base = baseError;
            uncancel = parentCancelRequested;
        }
        if (base != null) {
            throw Unchecked.rethrow(base);
        }
        if (uncancel && parent.uncancel() == 0) {
            propagate = null; // the cancellation was ours, and no other is pending
        }
        if (propagate != null && errs.isEmpty()) {
            throw propagate;
        }
        if (exc != null && !(exc instanceof CancelledError)) {
            errs.add(exc);
        }
        if (!errs.isEmpty()) {
            if (parent.cancelling() > 0) {
                // cancelled from outside too: keep the count stable and the request pending
                parent.uncancel();
                parent.cancel();
            }
            throw new ExceptionGroup("unhandled errors in a TaskGroup", errs);
        }
    }

    private synchronized boolean tasksEmpty() {
        return tasks.isEmpty();
    }

    private void awaitTasks() {
        Waiter w;
        synchronized (this) {
            if (tasks.isEmpty()) {
                return;
            }
            w = onCompleted = new Waiter();
        }
        try {
            w.await("TaskGroup");
        } finally {
            synchronized (this) {
                if (onCompleted == w) {
                    onCompleted = null;
                }
            }
        }
    }

    @Override
    public synchronized String toString() {
        StringBuilder b = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            b.append(" tasks=").append(tasks.size());
        }
        b.append(" entered"); // as asyncio's repr, also after exit
        if (aborting) {
            b.append(" cancelling");
        }
        return b.append('>').toString();
    }
}
