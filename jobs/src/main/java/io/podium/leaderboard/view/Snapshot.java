package io.podium.leaderboard.view;

import java.util.Comparator;
import java.util.List;

/**
 * One leaderboard snapshot: what identifies it and its models, ranked models first by rank,
 * then the unranked ones by model key.
 */
public record Snapshot(SnapshotInfo info, List<Entry> entries) {

  /** Ranked by rank, then unranked by model key. */
  public static final Comparator<Entry> ORDER = Comparator
      .comparing((Entry e) -> !e.ranked())
      .thenComparing(e -> e.ranked() ? e.rank() : Integer.MAX_VALUE)
      .thenComparing(Entry::modelKey);

  public Snapshot {
    entries = entries.stream().sorted(ORDER).toList();
  }

  public List<Entry> ranked() {
    return entries.stream().filter(Entry::ranked).toList();
  }

  public List<Entry> unranked() {
    return entries.stream().filter(e -> !e.ranked()).toList();
  }
}
