package io.aio4j.bridge;

import kotlin.coroutines.Continuation;

/**
 * A call of a Kotlin {@code suspend} function as Java sees it: it takes the continuation as its
 * last argument and returns either the result or {@code COROUTINE_SUSPENDED}.
 *
 * {@snippet :
 * User user = Suspend.call(k -> repository.fetchUser(id, k)); // suspend fun fetchUser(id: String): User
 * }
 *
 * @param <T> the suspend function's result type
 */
@FunctionalInterface
public interface SuspendFunction<T> {
    /**
     * Invokes the suspend function with continuation {@code k}.
     *
     * @apiNote asyncio: none; this is what {@code Suspend.call} awaits
     */
    Object invoke(Continuation<T> k) throws Exception;
}
