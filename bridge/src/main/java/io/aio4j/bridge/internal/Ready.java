package io.aio4j.bridge.internal;

/**
 * What a loop's ready queue holds: a task's next step ({@link Fiber}), a callback ({@link Callback}:
 * a handle, a timer, a submission, a kotlinx dispatch) or a channel's readiness
 * ({@link IoRegistration}). The loop dispatches on it with an exhaustive switch.
 */
sealed interface Ready extends Inbox.Posted permits Fiber, Callback, IoRegistration {
}
