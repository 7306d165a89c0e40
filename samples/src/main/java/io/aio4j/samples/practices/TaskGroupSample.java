package io.aio4j.samples.practices;

import io.aio4j.Aio;
import io.aio4j.ExceptionGroup;
import io.aio4j.Task;
import io.aio4j.samples.Py;
import java.util.ArrayList;
import java.util.List;

/**
 * Seed 002, "使用 asyncio.TaskGroup (Python 3.11+)": a group waits for all its tasks when its block
 * ends ("自动等待"), and when one fails it cancels the others and raises every failure together
 * ("处理异常") as an {@link ExceptionGroup} ({@code except*}).
 *
 * <pre>{@code
 * async def main():
 *     async with asyncio.TaskGroup() as tg:
 *         tg.create_task(task1())
 *         tg.create_task(task2())
 *     # 自动等待并处理异常
 * }</pre>
 */
public final class TaskGroupSample {
    private TaskGroupSample() {
    }

    static int task1() {
        Aio.sleep(1);
        System.out.println("task1 done");
        return 1;
    }

    static int task2() {
        Aio.sleep(0.5);
        System.out.println("task2 done");
        return 2;
    }

    static int failing() {
        Aio.sleep(0.2);
        throw new IllegalArgumentException("bad input");
    }

    static void asyncMain() throws Exception {
        List<Task<Integer>> t = new ArrayList<>();
        Aio.taskGroup(tg -> {
            t.add(tg.createTask(TaskGroupSample::task1));
            t.add(tg.createTask(TaskGroupSample::task2));
        });
        // 自动等待并处理异常
        System.out.println(t.get(0).result() + " " + t.get(1).result());
        try {
            Aio.taskGroup(tg -> {
                tg.createTask(TaskGroupSample::task1);
                tg.createTask(TaskGroupSample::failing);
            });
        } catch (ExceptionGroup eg) { // except* ValueError as eg
            List<String> messages = eg.exceptions().stream().map(Throwable::getMessage).toList();
            System.out.println("caught " + Py.repr(messages));
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(TaskGroupSample::asyncMain);
    }
}
