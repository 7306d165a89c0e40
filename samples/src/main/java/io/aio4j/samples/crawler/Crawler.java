package io.aio4j.samples.crawler;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.queue.Queue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Seed 001, "高性能爬虫架构": a scheduler hands URLs to N workers, which send what they fetch to a data
 * pipeline. The seed draws the architecture without code; this is the asyncio program it describes
 * (the Python twin is in the tests), on two queues. The site is simulated, each page taking 0.1 s,
 * so that the program runs offline; {@code fetch-urls} shows the same fetch over HTTP.
 *
 * <pre>
 * 调度器 --URL--> Worker 1..N --数据--> 数据管道
 * </pre>
 */
public final class Crawler {
    private Crawler() {
    }

    static final Map<String, List<String>> SITE = Map.of(
            "/", List.of("/a", "/b", "/c"),
            "/a", List.of("/a/1", "/a/2", "/"),
            "/b", List.of("/b/1", "/a"),
            "/c", List.of(),
            "/a/1", List.of("/b/1"),
            "/a/2", List.of(),
            "/b/1", List.of("/c"));

    record Page(String url, int links, String worker) {
    }

    static List<String> fetch(String url) {
        Aio.sleep(0.1);
        return SITE.get(url);
    }

    static void worker(String name, Queue<String> urls, Set<String> seen, Queue<Page> data) {
        while (true) {
            String url = urls.get();
            try {
                List<String> links = fetch(url);
                data.put(new Page(url, links.size(), name));
                for (String link : links) {
                    if (seen.add(link)) { // 调度器: each URL is scheduled once
                        urls.putNowait(link);
                    }
                }
            } finally {
                urls.taskDone();
            }
        }
    }

    static void pipeline(Queue<Page> data, List<String> results) {
        while (true) {
            Page p = data.get();
            results.add(p.url() + " (" + p.links() + " links)");
            data.taskDone();
        }
    }

    static void asyncMain() throws Exception {
        Queue<String> urls = new Queue<>();
        Queue<Page> data = new Queue<>();
        Set<String> seen = new HashSet<>(Set.of("/"));
        urls.putNowait("/");
        List<String> results = new ArrayList<>();
        List<Task<Void>> workers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String name = "worker-" + i;
            workers.add(Aio.createTask(() -> worker(name, urls, seen, data)));
        }
        Task<Void> sink = Aio.createTask(() -> pipeline(data, results));
        urls.join();
        data.join();
        List<Task<Void>> all = new ArrayList<>(workers);
        all.add(sink);
        all.forEach(Task::cancel);
        Aio.gatherSettled(all); // gather(..., return_exceptions=True)
        System.out.println("crawled " + results.size() + " pages with " + workers.size() + " workers");
        results.stream().sorted().forEach(System.out::println);
    }

    public static void main(String[] args) throws Exception {
        Aio.run(Crawler::asyncMain);
    }
}
