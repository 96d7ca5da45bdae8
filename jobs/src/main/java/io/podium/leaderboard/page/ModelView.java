package io.podium.leaderboard.page;

import io.podium.conf.BenchmarkGroup;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.view.Entry;
import io.podium.leaderboard.view.Numbers;
import io.podium.tables.Tables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One model's own view: what is known of it, where it stands, its six scores, the subtask
 * scores they were computed from (each with its n), and its history across snapshots.
 *
 * @param row its row of the board
 * @param status where it stands: its rank, or why it is listed apart
 * @param facts what is known of it (type, size, license, base model, ...)
 * @param benchmarks its score per benchmark
 * @param subtasks its subtask scores
 * @param partialSubtasks how many of those stand on fewer documents than the subtask has
 * @param history its standing in each snapshot up to this one, oldest first
 * @param historyPlot its average across those snapshots, or null with fewer than one ranked point
 */
public record ModelView(ModelRow row, String status, List<Fact> facts, List<BenchmarkLine> benchmarks,
    List<SubtaskLine> subtasks, long partialSubtasks, List<HistoryLine> history, Plot historyPlot) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * A benchmark's score.
   *
   * @param label the leaderboard's column title
   * @param raw the raw score, percent
   * @param normalized the normalized score (0-100)
   * @param interval its 95% interval ("" for none)
   */
  public record BenchmarkLine(String label, String raw, String normalized, String interval) {}

  /**
   * A subtask's score, as the harness reports it, and normalized as the leaderboard does.
   *
   * @param benchmark the benchmark's column title
   * @param subtask the subtask
   * @param metric the metric
   * @param value the metric's value, percent
   * @param stderr its standard error, percent ("" for none)
   * @param normalized the value normalized against the subtask's random baseline ("" when unknown)
   * @param n documents scored
   * @param docs documents the subtask has ("" when not kept)
   * @param partial whether n is fewer than docs
   */
  public record SubtaskLine(String benchmark, String subtask, String metric, String value, String stderr,
      String normalized, long n, String docs, boolean partial) {}

  /**
   * The model in one snapshot.
   *
   * @param day the snapshot's date
   * @param time the snapshot's time
   * @param snapshotId the snapshot's id
   * @param rank its rank ({@code 2=} when tied with the next), or "apart"
   * @param average its average ("" when listed apart)
   * @param current whether this is the snapshot the page shows
   */
  public record HistoryLine(String day, String time, String snapshotId, String rank, String average,
      boolean current) {}

  static ModelView of(Entry e, ModelRow row, int rankedCount, PageData data, Normalization rules) {
    String status = e.ranked()
        ? "Rank " + e.rank() + " of " + rankedCount + tied(row)
        : "Not ranked: " + (row.missing().isEmpty() ? "incomplete" : row.missing());
    List<BenchmarkLine> benchmarks = new ArrayList<>();
    for (String b : Tables.LEADERBOARD_BENCHMARKS) {
      Double raw = e.score(b + "_raw");
      benchmarks.add(new BenchmarkLine(BenchmarkGroup.shipped().column(b), raw == null ? "" : Numbers.score(raw * 100),
          Numbers.score(e.score(b)), e.low(b) == null || e.high(b) == null ? ""
              : "[" + Numbers.score(e.low(b)) + ", " + Numbers.score(e.high(b)) + "]"));
    }
    List<SubtaskLine> subtasks = new ArrayList<>();
    for (SubtaskScore s : data.subtasks(e.modelKey())) {
      subtasks.add(new SubtaskLine(column(s.benchmark()), s.subtask(), s.metric(), Numbers.score(s.value() * 100),
          s.stderr() == null ? "" : Numbers.score(s.stderr() * 100), normalized(rules, s), s.n(),
          s.docs() == null ? "" : s.docs().toString(), s.partial()));
    }
    long partial = subtasks.stream().filter(SubtaskLine::partial).count();
    List<HistoryPoint> points = data.history(e.modelKey());
    List<HistoryLine> history = new ArrayList<>();
    for (HistoryPoint p : points) {
      history.add(new HistoryLine(DAY.format(p.snapshot().time()), TIME.format(p.snapshot().time()),
          p.snapshot().id(), p.ranked() ? p.rank() + (p.tiedWithNext() ? "=" : "") : "apart",
          Numbers.score(p.average()), p.snapshot().id().equals(data.snapshot().info().id())));
    }
    return new ModelView(row, status, facts(e), benchmarks, subtasks, partial, history, historyPlot(e, points));
  }

  private static String tied(ModelRow row) {
    List<String> with = new ArrayList<>();
    if (row.tiedPrevious() != null) {
      with.add("rank " + row.tiedPrevious());
    }
    if (row.tiedNext() != null) {
      with.add("rank " + row.tiedNext());
    }
    return with.isEmpty() ? "" : ", statistically tied with " + String.join(" and ", with);
  }

  private static List<Fact> facts(Entry e) {
    List<Fact> facts = new ArrayList<>();
    facts.add(Fact.of("Type", blankAsUnknown(Column.string(e, "model_type"))));
    facts.add(Fact.of("Architecture", blankAsUnknown(Column.string(e, "architecture"))));
    Double params = e.score("params_billions");
    facts.add(Fact.of("Parameters", params == null ? "unknown" : String.format(Locale.ROOT, "%.2f B", params)));
    facts.add(Fact.of("License", blankAsUnknown(Column.string(e, "license"))));
    String base = Column.string(e, "base_model");
    facts.add(new Fact("Base model", base.isEmpty() ? "none given" : base, Hub.url(base)));
    facts.add(Fact.of("Flags", Column.flags(e).isEmpty() ? "none" : Column.flags(e)));
    facts.add(Fact.of("Chat template", blankAsUnknown(Column.yesNo(e.values().get("chat_template")))));
    facts.add(Fact.of("Revision", e.revision()));
    facts.add(Fact.of("Precision", e.precision()));
    facts.add(Fact.of("Documents", e.documents() == null ? "unknown" : String.format(Locale.ROOT, "%,d",
        e.documents())));
    facts.add(Fact.of("Scored by", "harness".equals(e.values().get("source")) ? "lm-evaluation-harness (imported"
        + " results)" : "Podium"));
    Object submitted = e.values().get("submitted_at");
    facts.add(Fact.of("Submitted", submitted instanceof Instant t ? TIME.format(t) : "unknown"));
    Double co2 = e.score("co2_kg");
    facts.add(Fact.of("CO\u2082", co2 == null ? "unknown" : String.format(Locale.ROOT, "%.2f kg", co2)));
    return facts;
  }

  private static String blankAsUnknown(String s) {
    return s.isEmpty() ? "unknown" : s;
  }

  private static String column(String benchmark) {
    return Tables.LEADERBOARD_BENCHMARKS.contains(benchmark) ? BenchmarkGroup.shipped().column(benchmark) : benchmark;
  }

  /** The subtask's value against its random baseline, as the leaderboard normalizes (0-100). */
  private static String normalized(Normalization rules, SubtaskScore s) {
    try {
      return Numbers.score(Normalization.normalize(s.value(), rules.rule(s.benchmark()).lowerBound(s.subtask())));
    } catch (IllegalArgumentException noBaseline) {
      return "";
    }
  }

  /** The average per snapshot, a point per snapshot it was ranked in, labelled with its rank. */
  private static Plot historyPlot(Entry e, List<HistoryPoint> points) {
    if (points.stream().noneMatch(HistoryPoint::ranked)) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    List<Plot.Datum> data = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      HistoryPoint p = points.get(i);
      labels.add(DAY.format(p.snapshot().time()));
      String label = e.modelId() + " on " + TIME.format(p.snapshot().time()) + ": "
          + (p.ranked() ? "rank " + p.rank() + ", average " + Numbers.score(p.average()) : "listed apart");
      data.add(new Plot.Datum(i, p.ranked() ? p.average() : Double.NaN, label, p.ranked() ? "#" + p.rank() : "",
          e.modelKey(), ""));
    }
    return Plot.steps(labels, data, "snapshot", "average");
  }
}
