package io.podium.leaderboard.view;

import io.podium.tables.Tables;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot as a grid: ranked models by rank, then the unranked ones with what they miss.
 * {@link #forReading} is for people (table, Markdown): the average with its interval in one
 * cell, a tie column; {@link #forMachines} is for CSV: one value per cell, full precision, and
 * the snapshot's id, time, math method and inputs on every row.
 */
final class LeaderboardGrid {

  static final String TIE_LEGEND = "'=' in the tie column: statistically tied with the next rank"
      + " (the 95% interval of the paired difference of averages contains 0)";

  private LeaderboardGrid() {}

  /** The lines above the table: the snapshot, what the ranking covers, then what the columns mean. */
  static List<String> notes(Snapshot s) {
    SnapshotInfo i = s.info();
    return List.of(
        "snapshot " + i.id() + "  taken " + i.time() + "  math " + i.mathMethod()
            + "  inputs " + Redaction.redact(i.inputs()),
        "ranked on the same documents: " + s.coverageLine(),
        s.ranked().size() + " ranked, " + s.unranked().size() + " not ranked; scores normalized (0-100),"
            + " average with its 95% interval; docs: documents the scores stand on; " + TIE_LEGEND);
  }

  static Grid forReading(Snapshot s) {
    List<String> header = new ArrayList<>(List.of("rank", "tie", "model_key", "average [95% interval]"));
    header.addAll(Tables.LEADERBOARD_BENCHMARKS);
    header.add("docs");
    header.add("missing");
    List<Boolean> numeric = new ArrayList<>(List.of(true, false, false, true));
    Tables.LEADERBOARD_BENCHMARKS.forEach(b -> numeric.add(true));
    numeric.add(true);
    numeric.add(false);
    List<List<String>> rows = new ArrayList<>();
    for (Entry e : s.entries()) {
      List<String> row = new ArrayList<>();
      row.add(e.ranked() ? e.rank().toString() : "-");
      row.add(e.ranked() && e.tiedWithNext() ? "=" : "");
      row.add(e.modelKey());
      row.add(Numbers.withInterval(e.score("average"), e.low("average"), e.high("average")));
      for (String b : Tables.LEADERBOARD_BENCHMARKS) {
        row.add(Numbers.score(e.score(b)));
      }
      row.add(e.documents() == null ? "" : e.documents().toString());
      row.add(e.ranked() || e.missing() == null ? "" : e.missing());
      rows.add(row);
    }
    return new Grid(header, numeric, rows);
  }

  static Grid forMachines(Snapshot s) {
    List<String> header = new ArrayList<>(List.of("snapshot_id", "snapshot_time", "math_method", "inputs", "coverage", "rank",
        "tied_with_next", "model_key", "model_id", "revision", "precision", "average", "average_low",
        "average_high"));
    for (String b : Tables.LEADERBOARD_BENCHMARKS) {
      header.addAll(List.of(b, b + "_low", b + "_high"));
    }
    header.add("documents");
    header.add("missing");
    List<Boolean> numeric = header.stream().map(h -> false).toList();
    SnapshotInfo i = s.info();
    List<List<String>> rows = new ArrayList<>();
    for (Entry e : s.entries()) {
      List<String> row = new ArrayList<>(List.of(i.id(), i.time().toString(), i.mathMethod(),
          Redaction.redact(i.inputs()), i.coverage(), e.ranked() ? e.rank().toString() : "",
          e.ranked() ? Boolean.toString(e.tiedWithNext()) : "", e.modelKey(), e.modelId(), e.revision(),
          e.precision()));
      for (String score : SnapshotDiff.SCORES) {
        row.add(Numbers.plain(e.score(score)));
        row.add(Numbers.plain(e.low(score)));
        row.add(Numbers.plain(e.high(score)));
      }
      row.add(e.documents() == null ? "" : e.documents().toString());
      row.add(e.missing() == null ? "" : e.missing());
      rows.add(row);
    }
    return new Grid(header, numeric, rows);
  }
}
