package io.podium.leaderboard.page;

/**
 * One metric of one subtask of a model, as {@code task_scores} held it when the snapshot was
 * taken.
 *
 * @param benchmark Podium benchmark
 * @param subtask subtask within it
 * @param metric the metric the leaderboard uses for it (acc_norm, exact_match, ...)
 * @param value the harness aggregate (0-1)
 * @param stderr its standard error, or null where the harness gives none
 * @param n documents scored
 * @param docs documents the subtask has; null when not kept (complete)
 */
public record SubtaskScore(String benchmark, String subtask, String metric, double value, Double stderr, long n,
    Long docs) {

  /** Scored over some of the subtask's documents only (a limited or unfinished run). */
  public boolean partial() {
    return docs != null && n < docs;
  }
}
