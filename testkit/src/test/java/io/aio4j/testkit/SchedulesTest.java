package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Reproducible schedules catch a real race that asyncio's FIFO order hides, and replay it by seed. */
class SchedulesTest {

    /**
     * The bundled race: {@code use} checks that {@code load} already ran, across an await. Under
     * asyncio's FIFO order the loader always runs first; not under every schedule.
     */
    static void raceBody() {
        String[] config = {null};
        Task<Void> load = Aio.createTask(() -> {
            Aio.sleep(0);
            config[0] = "loaded";
        });
        Task<String> use = Aio.createTask(() -> {
            Aio.sleep(0);
            if (config[0] == null) { // check-then-act: assumes the loader got there first
                throw new AssertionError("config used before it was loaded");
            }
            return config[0];
        });
        Aio.gather(List.of(load, use));
    }

    /** Run only by the EngineTestKit below, never directly (even when -Dtest selects nested classes). */
    @EnabledIfSystemProperty(named = EXAMPLES, matches = "true")
    static class RaceUnderFifo {
        @AioTest
        void race() throws Exception {
            raceBody();
        }
    }

    @EnabledIfSystemProperty(named = EXAMPLES, matches = "true")
    static class RaceUnder100Schedules {
        @AioTest(schedules = 100)
        void race() throws Exception {
            raceBody();
        }
    }

    private static final String EXAMPLES = "aio4j.testkit.examples";

    private static synchronized Events run(Class<?> c) {
        System.setProperty(EXAMPLES, "true");
        try {
            return EngineTestKit.engine("junit-jupiter").configurationParameter("aio4j.test.seedBase", "1000")
                    .selectors(selectClass(c)).execute().testEvents();
        } finally {
            System.clearProperty(EXAMPLES);
        }
    }

    @Test
    void fifoOrderHidesTheRace() throws Exception {
        run(RaceUnderFifo.class).assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void oneHundredSchedulesCatchTheRaceAndNameTheSeed() throws Exception {
        Events events = run(RaceUnder100Schedules.class);
        List<Event> failed = events.failed().list();
        assertTrue(!failed.isEmpty(), "no schedule out of 100 exposed the race");
        Throwable t = failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
        assertTrue(t.getMessage().startsWith("failed under the schedule of seed "), t.getMessage());
        assertTrue(t.getMessage().contains("config used before it was loaded"), t.getMessage());
        assertTrue(t.getMessage().contains("(replay it with @AioTest(seed = "), t.getMessage());
    }

    @Test
    void aSeedReplaysExactlyTheSameSchedule() throws Throwable {
        // find a failing seed, then run it three more times: it fails every time; a passing one never does
        long failing = -1;
        long passing = -1;
        for (long seed = 1000; seed < 1100 && (failing < 0 || passing < 0); seed++) {
            boolean failed = fails(seed);
            if (failed && failing < 0) {
                failing = seed;
            } else if (!failed && passing < 0) {
                passing = seed;
            }
        }
        assertTrue(failing >= 0 && passing >= 0, "seeds 1000-1099 should include both outcomes");
        for (int i = 0; i < 3; i++) {
            assertTrue(fails(failing), "seed " + failing + " did not fail again");
            assertTrue(!fails(passing), "seed " + passing + " did not pass again");
        }
    }

    private static boolean fails(long seed) throws Throwable {
        try {
            AioTesting.run(AioTesting.Settings.defaults().withSeed(seed), ctx -> raceBody());
            return false;
        } catch (AssertionError e) {
            return true;
        }
    }
}
