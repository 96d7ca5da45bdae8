package io.podium.leaderboard.view;

import io.podium.leaderboard.view.SnapshotDiff.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * A diff as a grid, one row per model: its change (entered, left, now ranked, now unranked),
 * its rank before and after, its move, and the changes of its scores. {@link #forReading}
 * marks a rank tied with the next one as {@code 3=}; {@link #forMachines} (CSV) gives plain
 * values and the ties in their own columns.
 */
final class DiffGrid {

  private DiffGrid() {}

  static List<String> notes(SnapshotDiff d) {
    SnapshotInfo a = d.from().info();
    SnapshotInfo b = d.to().info();
    List<String> notes = new ArrayList<>();
    notes.add("from snapshot " + a.id() + " (" + a.time() + ", math " + a.mathMethod() + ")");
    notes.add("to   snapshot " + b.id() + " (" + b.time() + ", math " + b.mathMethod() + ")");
    notes.add(d.entered().size() + " entered, " + d.left().size() + " left, " + d.moved().size()
        + " moved; move: places up (+) or down (-); changes are after minus before, in points of the normalized"
        + " scores (0-100); '=' after a rank: statistically tied with the next rank");
    return notes;
  }

  static Grid forReading(SnapshotDiff d) {
    List<String> header = new ArrayList<>(List.of("model_key", "change", "rank before", "rank after", "move",
        "average before", "average after"));
    for (String s : SnapshotDiff.SCORES) {
      header.add("Δ " + s);
    }
    List<Boolean> numeric = new ArrayList<>(List.of(false, false, true, true, true, true, true));
    SnapshotDiff.SCORES.forEach(s -> numeric.add(true));
    List<List<String>> rows = new ArrayList<>();
    for (Change c : d.changes()) {
      List<String> row = new ArrayList<>(List.of(c.modelKey(), c.status().label(),
          rank(c.before(), c.tiedBefore()), rank(c.after(), c.tiedAfter()), move(c.move()),
          Numbers.score(c.scoreBefore("average")), Numbers.score(c.scoreAfter("average"))));
      for (String s : SnapshotDiff.SCORES) {
        row.add(Numbers.change(c.scoreChange(s)));
      }
      rows.add(row);
    }
    return new Grid(header, numeric, rows);
  }

  static Grid forMachines(SnapshotDiff d) {
    List<String> header = new ArrayList<>(List.of("model_key", "change", "rank_before", "rank_after",
        "tied_with_next_before", "tied_with_next_after", "move"));
    for (String s : SnapshotDiff.SCORES) {
      header.addAll(List.of(s + "_before", s + "_after", s + "_change"));
    }
    List<Boolean> numeric = header.stream().map(h -> false).toList();
    List<List<String>> rows = new ArrayList<>();
    for (Change c : d.changes()) {
      List<String> row = new ArrayList<>(List.of(c.modelKey(), c.status().name().toLowerCase(java.util.Locale.ROOT),
          Numbers.plain(c.rankBefore()), Numbers.plain(c.rankAfter()),
          c.rankBefore() == null ? "" : Boolean.toString(c.tiedBefore()),
          c.rankAfter() == null ? "" : Boolean.toString(c.tiedAfter()), Numbers.plain(c.move())));
      for (String s : SnapshotDiff.SCORES) {
        row.add(Numbers.plain(c.scoreBefore(s)));
        row.add(Numbers.plain(c.scoreAfter(s)));
        row.add(Numbers.plain(c.scoreChange(s)));
      }
      rows.add(row);
    }
    return new Grid(header, numeric, rows);
  }

  /** {@code 3}, {@code 3=} (tied with the next), {@code -} (unranked), {@code ""} (absent). */
  static String rank(Entry e, boolean tied) {
    if (e == null) {
      return "";
    }
    if (!e.ranked()) {
      return "-";
    }
    return e.rank() + (tied ? "=" : "");
  }

  static String move(Integer m) {
    if (m == null) {
      return "";
    }
    return m > 0 ? "+" + m : m.toString();
  }
}
