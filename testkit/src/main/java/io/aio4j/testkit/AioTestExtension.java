package io.aio4j.testkit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/** The JUnit Jupiter extension behind {@link AioTest}: one invocation per schedule. */
public final class AioTestExtension implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(AioTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        AioTest a = context.getRequiredTestMethod().getAnnotation(AioTest.class);
        if (a.schedules() < 1) {
            throw new IllegalArgumentException("@AioTest(schedules = " + a.schedules() + "): at least 1 schedule");
        }
        AioTesting.Settings base = new AioTesting.Settings(AioTest.NO_SEED, a.autojumpThresholdMillis(), a.checkLeaks(),
                a.parallelism());
        List<TestTemplateInvocationContext> runs = new ArrayList<>();
        if (a.seed() != AioTest.NO_SEED) {
            runs.add(invocation(base.withSeed(a.seed()), "replay of seed " + a.seed()));
        } else if (a.schedules() == 1) {
            runs.add(invocation(base, "asyncio order"));
        } else {
            long seedBase = context.getConfigurationParameter("aio4j.test.seedBase").map(Long::parseLong)
                    .orElseGet(System::nanoTime);
            for (int i = 0; i < a.schedules(); i++) {
                long seed = seedBase + i;
                runs.add(invocation(base.withSeed(seed), "schedule " + (i + 1) + " (seed " + seed + ")"));
            }
        }
        return runs.stream();
    }

    private static TestTemplateInvocationContext invocation(AioTesting.Settings settings, String name) {
        AioTestContext ctx = new AioTestContext();
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int index) {
                return name;
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new Runner(settings, ctx), new Resolver(ctx));
            }
        };
    }

    /** Runs the test method on the loop's main task. */
    private record Runner(AioTesting.Settings settings, AioTestContext ctx) implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                ExtensionContext extension) throws Throwable {
            AioTesting.run(settings, ctx, c -> invocation.proceed());
        }
    }

    /** Injects the {@link AioTestContext}. */
    private record Resolver(AioTestContext ctx) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == AioTestContext.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return ctx;
        }
    }
}
