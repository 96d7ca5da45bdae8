package io.podium.leaderboard.view;

import java.time.Instant;

/**
 * What identifies a snapshot and how it was made.
 *
 * @param id the snapshot id (a hash of its content)
 * @param time when it was taken
 * @param inputs JSON: the Delta version of each input table
 * @param mathMethod how MATH answers were compared
 * @param coverage JSON: subtasks per benchmark the ranking is computed over
 * @param models how many models it has
 */
public record SnapshotInfo(String id, Instant time, String inputs, String mathMethod, String coverage, long models) {

  /** {@code id (time)}, as error messages list snapshots. */
  public String describe() {
    return id + "  " + time + "  (" + models + (models == 1 ? " model" : " models") + ", math " + mathMethod + ")";
  }
}
