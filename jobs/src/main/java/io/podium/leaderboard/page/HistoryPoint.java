package io.podium.leaderboard.page;

import io.podium.leaderboard.view.SnapshotInfo;

/**
 * Where a model stood in one snapshot.
 *
 * @param snapshot the snapshot
 * @param rank its rank (1 = best), or null when it was listed apart
 * @param tiedWithNext whether the next rank was statistically tied with it
 * @param average its average (0-100), or null when it was listed apart
 */
public record HistoryPoint(SnapshotInfo snapshot, Integer rank, boolean tiedWithNext, Double average) {

  public boolean ranked() {
    return rank != null;
  }
}
