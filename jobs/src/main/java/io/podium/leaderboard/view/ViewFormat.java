package io.podium.leaderboard.view;

import java.io.PrintStream;
import java.util.Locale;

/** The output formats of {@code podium leaderboard}: each writes a snapshot, and all but html a diff. */
public enum ViewFormat {
  TABLE, CSV, JSON, MD, HTML;

  public static ViewFormat of(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + name + "' (table, csv, json, md, html)");
    }
  }

  public void write(Snapshot s, PrintStream out) {
    switch (this) {
      case TABLE -> GridWriter.TABLE.write(LeaderboardGrid.forReading(s), LeaderboardGrid.notes(s), out);
      case MD -> GridWriter.MD.write(LeaderboardGrid.forReading(s), LeaderboardGrid.notes(s), out);
      case CSV -> GridWriter.CSV.write(LeaderboardGrid.forMachines(s), LeaderboardGrid.notes(s), out);
      case JSON -> out.println(JsonView.snapshot(s));
      case HTML -> out.print(HtmlPage.render(s));
    }
  }

  public boolean writesDiffs() {
    return this != HTML;
  }

  public void write(SnapshotDiff d, PrintStream out) {
    switch (this) {
      case TABLE -> GridWriter.TABLE.write(DiffGrid.forReading(d), DiffGrid.notes(d), out);
      case MD -> GridWriter.MD.write(DiffGrid.forReading(d), DiffGrid.notes(d), out);
      case CSV -> GridWriter.CSV.write(DiffGrid.forMachines(d), DiffGrid.notes(d), out);
      case JSON -> out.println(JsonView.diff(d));
      case HTML -> throw new IllegalArgumentException("--format html shows one snapshot; a diff is written as"
          + " table, csv, json or md");
    }
  }
}
