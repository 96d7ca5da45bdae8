package io.podium.leaderboard.page;

import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.view.Entry;
import io.podium.leaderboard.view.Numbers;
import io.podium.leaderboard.view.Redaction;
import io.podium.leaderboard.view.Snapshot;
import io.podium.leaderboard.view.SnapshotInfo;
import io.podium.tables.Json;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The page as its template sees it: every text formatted, every link and chart worked out, so
 * the template only lays things out (and escapes every value it prints).
 *
 * @param day the snapshot's date
 * @param snapshotId the snapshot's id
 * @param timeIso when it was taken (ISO 8601)
 * @param timeText when it was taken, for reading
 * @param mathMethod how MATH answers were compared
 * @param coverage what the ranking covers, in words
 * @param inputs the Delta version of each input table (redacted)
 * @param coverageFacts subtasks per benchmark the ranking covers
 * @param columns the columns after the rank and the model
 * @param ranked the ranked models, by rank
 * @param unranked the models listed apart
 * @param types the type filter's options
 * @param precisions the precision filter's options
 * @param sizes the size filter's options
 * @param scatter the average against parameters of the ranked models of known size (null: none)
 * @param unplotted ranked models left out of the scatter: their size is unknown
 * @param models every model's own view
 * @param subtaskSource where the subtask scores were read
 */
public record BoardView(String day, String snapshotId, String timeIso, String timeText, String mathMethod,
    String coverage, List<Fact> inputs, List<Fact> coverageFacts, List<Column> columns, List<ModelRow> ranked,
    List<ModelRow> unranked, List<Choice> types, List<Choice> precisions, List<Choice> sizes, Plot scatter,
    long unplotted, List<ModelView> models, String subtaskSource) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** Up to this many points on the plot of the average against parameters, each has its name beside it. */
  private static final int LABELLED_POINTS = 15;

  static BoardView of(PageData data, Normalization rules) {
    Snapshot s = data.snapshot();
    SnapshotInfo info = s.info();
    List<Column> columns = Column.board();
    List<ModelRow> ranked = rows(s.ranked(), columns);
    List<ModelRow> unranked = rows(s.unranked(), columns);
    List<ModelRow> all = new ArrayList<>(ranked);
    all.addAll(unranked);
    List<ModelView> models = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Entry e = s.entries().get(i);
      models.add(ModelView.of(e, all.get(i), ranked.size(), data, rules));
    }
    List<Plot.Datum> points = new ArrayList<>();
    List<Entry> sized = s.ranked().stream().filter(e -> e.score("params_billions") != null
        && e.score("params_billions") > 0).toList();
    for (Entry e : sized) {
      Double params = e.score("params_billions");
      // Names beside the points while they stay readable; past that, on hover only.
      String tag = sized.size() <= LABELLED_POINTS ? e.modelId().substring(e.modelId().indexOf('/') + 1) : "";
      points.add(new Plot.Datum(params, e.score("average"), e.modelId() + ": " + Numbers.score(e.score("average"))
          + " at " + Numbers.score(params) + " B parameters (rank " + e.rank() + ")", tag, e.modelKey(),
          "#" + ModelRow.anchor(e.modelKey())));
    }
    Plot scatter = points.isEmpty() ? null : Plot.scatter(points, "parameters (billions, log scale)", "average");
    return new BoardView(DAY.format(info.time()), info.id(), info.time().toString(), TIME.format(info.time()),
        info.mathMethod(), s.coverageLine(), facts(Redaction.redact(info.inputs())), facts(info.coverage()), columns,
        ranked, unranked, choices(all, ModelRow::type, "unknown"), choices(all, ModelRow::precision, "unknown"),
        sizes(all), scatter, ranked.size() - points.size(), models, data.subtaskSource());
  }

  /** The rows of entries in order, each knowing whether it is tied with its neighbours. */
  private static List<ModelRow> rows(List<Entry> entries, List<Column> columns) {
    List<ModelRow> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      rows.add(ModelRow.of(entries.get(i), i > 0 ? entries.get(i - 1) : null,
          i + 1 < entries.size() ? entries.get(i + 1) : null, columns));
    }
    return rows;
  }

  /** The values rows have, sorted, with their counts; "" is shown as {@code blank}. */
  private static List<Choice> choices(List<ModelRow> rows, Function<ModelRow, String> value, String blank) {
    Map<String, Long> counts = new TreeMap<>();
    rows.forEach(r -> counts.merge(value.apply(r), 1L, Long::sum));
    List<Choice> out = new ArrayList<>();
    counts.forEach((v, n) -> out.add(new Choice(v, v.isEmpty() ? blank : v, n)));
    return out;
  }

  /** Every size bucket, in size order, with how many models it holds. */
  private static List<Choice> sizes(List<ModelRow> rows) {
    List<Choice> out = new ArrayList<>();
    for (SizeBucket b : SizeBucket.ALL) {
      long n = rows.stream().filter(r -> r.size().equals(b.label())).count();
      out.add(new Choice(b.label(), b.label(), n));
    }
    return out;
  }

  /** A JSON object's members as facts; anything else as one fact holding the text. */
  private static List<Fact> facts(String json) {
    List<Fact> out = new ArrayList<>();
    Object parsed;
    try {
      parsed = Json.parse(json);
    } catch (Exception notJson) {
      parsed = null;
    }
    if (parsed instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.add(Fact.of(String.valueOf(k), v instanceof String str ? str : Json.write(v))));
    } else if (json != null && !json.isEmpty()) {
      out.add(Fact.of("", json));
    }
    return out;
  }
}
