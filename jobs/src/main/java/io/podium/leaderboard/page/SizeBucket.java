package io.podium.leaderboard.page;

import java.util.List;

/**
 * The page's size filter: the Open LLM Leaderboard's buckets of parameter counts, in billions,
 * each a half-open interval (low, high], and "?" for models of unknown size.
 *
 * @param label what the filter shows
 * @param low exclusive lower end
 * @param high inclusive upper end
 */
record SizeBucket(String label, double low, double high) {

  static final SizeBucket UNKNOWN = new SizeBucket("?", Double.NaN, Double.NaN);

  static final List<SizeBucket> ALL = List.of(UNKNOWN,
      new SizeBucket("~1.5", 0, 2),
      new SizeBucket("~3", 2, 4),
      new SizeBucket("~7", 4, 9),
      new SizeBucket("~13", 9, 20),
      new SizeBucket("~35", 20, 45),
      new SizeBucket("~60", 45, 70),
      new SizeBucket("70+", 70, Double.POSITIVE_INFINITY));

  /** The bucket of a parameter count (null: unknown). */
  static SizeBucket of(Double billions) {
    if (billions == null || !(billions > 0)) {
      return UNKNOWN;
    }
    for (SizeBucket b : ALL) {
      if (billions > b.low && billions <= b.high) {
        return b;
      }
    }
    return UNKNOWN;
  }
}
