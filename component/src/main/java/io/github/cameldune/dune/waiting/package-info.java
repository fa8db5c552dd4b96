/**
 * Waiting for an execution without holding a thread: {@code ExecutionWaiter} polls its status on a shared scheduler,
 * {@code WaitPolicy} says when (backing off with the time waited, up to a timeout), and {@code DurationHistory} learns
 * how long each saved query runs, so that a wait polls near its end. It knows the client and the states, not exchanges:
 * it uses {@code client}, {@code model}, {@code metrics} and {@code exception}.
 */
package io.github.cameldune.dune.waiting;
