package io.podium.spark;

import io.delta.exceptions.DeltaConcurrentModificationException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Retries a Delta commit that lost an optimistic-concurrency race (another writer committed a
 * conflicting change first: {@link DeltaConcurrentModificationException} and its subclasses).
 *
 * <p>Every commit Podium retries is keyed (a MERGE on the table's key, a DELETE or UPDATE of a
 * scope), so running it again after a lost race re-reads the table and can neither duplicate
 * nor drop a row. Waits grow exponentially with full jitter (so that writers that collided do
 * not collide again in step), and the bound is time, not a count: concurrent runs of a busy
 * warehouse may lose many races in a row and still all finish.
 */
public final class CommitRetry {

  private static final Logger LOG = LogManager.getLogger(CommitRetry.class);

  /** How long a commit keeps retrying by default: {@code spark.podium.commit.retryTimeout} overrides it. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
  static final long FIRST_WAIT_MS = 100;
  static final long MAX_WAIT_MS = 5_000;

  private final Duration timeout;
  private final Consumer<String> say;

  private CommitRetry(Duration timeout, Consumer<String> say) {
    this.timeout = timeout;
    this.say = say;
  }

  /** Retries for {@code timeout}, reporting each retry to {@code say} (a command's output). */
  public static CommitRetry within(Duration timeout, Consumer<String> say) {
    return new CommitRetry(timeout, say);
  }

  /** Retries for the session's {@code spark.podium.commit.retryTimeout}, reporting to the log (WARN). */
  public static CommitRetry logged(org.apache.spark.sql.SparkSession spark) {
    return new CommitRetry(timeout(spark), LOG::warn);
  }

  /** The session's {@code spark.podium.commit.retryTimeout} (seconds, or a Spark time string such as 10min). */
  public static Duration timeout(org.apache.spark.sql.SparkSession spark) {
    String value = spark.conf().get("spark.podium.commit.retryTimeout", "");
    if (value.isBlank()) {
      return DEFAULT_TIMEOUT;
    }
    return Duration.ofMillis(org.apache.spark.network.util.JavaUtils.timeStringAsMs(
        value.matches("\\d+") ? value + "s" : value));
  }

  /** Runs {@code commit}, again after each lost race, until it succeeds or the time is up. */
  public void run(String what, Runnable commit) {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        commit.run();
        return;
      } catch (DeltaConcurrentModificationException e) {
        long now = System.nanoTime();
        long waitMs = ThreadLocalRandom.current().nextLong(1, cap(attempt) + 1);
        if (now + waitMs * 1_000_000 > deadline) {
          throw new IllegalStateException(what + " lost the race to concurrent writers for "
              + Duration.ofNanos(now - started).toSeconds() + " s (" + attempt + " attempts; the bound is "
              + timeout.toSeconds() + " s, spark.podium.commit.retryTimeout): " + e.getMessage(), e);
        }
        say.accept(String.format("  %s conflicted with a concurrent writer (%s); retrying in %.1f s (attempt %d, %.1f s"
            + " of %d s)", what, e.getClass().getSimpleName(), waitMs / 1000.0, attempt + 1,
            (now - started) / 1e9, timeout.toSeconds()));
        try {
          Thread.sleep(waitMs);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The longest wait before attempt {@code attempt + 1}: doubling from 100 ms, at most 5 s. */
  static long cap(int attempt) {
    return Math.min(MAX_WAIT_MS, FIRST_WAIT_MS << Math.min(attempt - 1, 20));
  }
}
