package io.podium.leaderboard.view;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The output formats of {@code podium leaderboard}: the text formats write a snapshot or a diff;
 * html is the page (io.podium.leaderboard.page), which reads more than one snapshot's rows.
 */
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
      case HTML -> throw new IllegalArgumentException("the html page is written by HtmlPage from the warehouse,"
          + " not from one snapshot");
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
