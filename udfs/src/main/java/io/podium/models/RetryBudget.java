package io.podium.models;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a run may spend on a backend's failures before it gives up: at most {@code calls}
 * failed calls and at most {@code time} spent in failed calls and in the waits before retrying
 * them, over all the requests a loaded model serves (one budget per model per executor, shared by
 * the tasks that run on it, so a Spark retry of a task does not start afresh). A call that
 * succeeds costs nothing. Thread-safe.
 */
public final class RetryBudget {

  private final int calls;
  private final Duration time;
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final AtomicLong spentNanos = new AtomicLong();

  public RetryBudget(int calls, Duration time) {
    if (calls < 0 || time.isNegative()) {
      throw new IllegalArgumentException("a retry budget cannot be negative: " + calls + " calls, " + time);
    }
    this.calls = calls;
    this.time = time;
  }

  /** Counts a failed call that took {@code took}. */
  public void failed(Duration took) {
    failedCalls.incrementAndGet();
    spentNanos.addAndGet(took.toNanos());
  }

  /** Counts a wait before a retry. */
  public void waited(Duration wait) {
    spentNanos.addAndGet(wait.toNanos());
  }

  /**
   * Whether one more retry after waiting {@code wait} fits: fewer failed calls than the budget
   * allows, and the wait within the time left.
   */
  public boolean allows(Duration wait) {
    return failedCalls.get() < calls && spent().plus(wait).compareTo(time) <= 0;
  }

  public int failedCalls() {
    return failedCalls.get();
  }

  public Duration spent() {
    return Duration.ofNanos(spentNanos.get());
  }

  public int calls() {
    return calls;
  }

  public Duration time() {
    return time;
  }

  /** "3 of 20 failed calls, 41 s of 600 s": what was spent, for a message. */
  public String describe() {
    return failedCalls.get() + " of " + calls + " failed calls, " + spent().toSeconds() + " s of " + time.toSeconds()
        + " s";
  }
}
