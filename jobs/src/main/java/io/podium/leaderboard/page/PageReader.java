package io.podium.leaderboard.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.view.Entry;
import io.podium.leaderboard.view.LeaderboardReader;
import io.podium.leaderboard.view.Snapshot;
import io.podium.leaderboard.view.SnapshotInfo;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Json;
import io.podium.tables.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads what the page shows beyond the snapshot's own rows: each model's standing in the
 * snapshots up to this one ({@code leaderboard}), and the subtask scores behind its benchmark
 * scores ({@code task_scores} at the Delta version the snapshot recorded in its inputs, so a
 * page of an old snapshot shows the subtask scores that snapshot was computed from).
 */
public final class PageReader {

  private final SparkSession spark;
  private final Normalization rules;

  public PageReader(SparkSession spark, Normalization rules) {
    this.spark = spark;
    this.rules = rules;
  }

  public PageData read(Snapshot snapshot) {
    Set<String> models = new HashSet<>();
    snapshot.entries().forEach(e -> models.add(e.modelKey()));
    Map<String, List<SubtaskScore>> subtasks = new HashMap<>();
    String source = subtaskScores(snapshot.info(), models, subtasks);
    return new PageData(snapshot, history(snapshot.info(), models), subtasks, source);
  }

  /** Per model of the page: its standing in every snapshot up to and including {@code last}. */
  private Map<String, List<HistoryPoint>> history(SnapshotInfo last, Set<String> models) {
    LeaderboardReader reader = new LeaderboardReader(spark);
    List<SnapshotInfo> chain = new ArrayList<>();
    for (SnapshotInfo s : reader.snapshots()) {
      chain.add(s);
      if (s.id().equals(last.id()) && s.time().equals(last.time())) {
        break;
      }
    }
    Map<String, List<HistoryPoint>> out = new HashMap<>();
    reader.rows(chain, List.of("rank", "tied_with_next", "average", "ranked")).forEach((info, rows) -> {
      Set<String> seen = new HashSet<>();
      for (Entry e : rows) {
        if (models.contains(e.modelKey()) && seen.add(e.modelKey())) {
          out.computeIfAbsent(e.modelKey(), k -> new ArrayList<>()).add(new HistoryPoint(info,
              e.ranked() ? e.rank() : null, e.ranked() && e.tiedWithNext(), e.ranked() ? e.score("average") : null));
        }
      }
    });
    return out;
  }

  /**
   * Fills {@code out} with the models' subtask scores, of the metrics the leaderboard uses, from
   * {@code task_scores} at the version the snapshot recorded; returns where they were read from.
   */
  private String subtaskScores(SnapshotInfo info, Set<String> models, Map<String, List<SubtaskScore>> out) {
    Map<String, List<String>> metrics = new LinkedHashMap<>();
    rules.benchmarks().forEach(b -> metrics.put(b.benchmark(), b.metrics()));
    Long version = recordedVersion(info.inputs());
    String table = Warehouse.qualified(Tables.TASK_SCORES);
    String source;
    List<Row> rows;
    if (version == null) {
      source = "task_scores as it is now (this snapshot did not record the version it read)";
      rows = select(table);
    } else {
      try {
        rows = select(table + " VERSION AS OF " + version);
        source = "task_scores at Delta version " + version + ", the version this snapshot was computed from";
      } catch (RuntimeException unreadable) {
        // Vacuumed or expired: show what there is now, and say so.
        source = "task_scores as it is now: version " + version + ", which this snapshot was computed from, can no"
            + " longer be read (" + firstLine(unreadable.getMessage()) + ")";
        rows = select(table);
      }
    }
    for (Row r : rows) {
      String model = r.getString(0);
      List<String> used = metrics.get(r.getString(1));
      if (models.contains(model) && used != null && used.contains(r.getString(3))) {
        out.computeIfAbsent(model, k -> new ArrayList<>()).add(new SubtaskScore(r.getString(1), r.getString(2),
            r.getString(3), r.getDouble(4), r.isNullAt(5) ? null : r.getDouble(5), r.getLong(6),
            r.isNullAt(7) ? null : r.getLong(7)));
      }
    }
    List<String> order = new ArrayList<>(metrics.keySet());
    Comparator<SubtaskScore> byBenchmark = Comparator.comparingInt(s -> order.indexOf(s.benchmark()));
    Comparator<SubtaskScore> sorted = byBenchmark.thenComparing(SubtaskScore::subtask)
        .thenComparingInt(s -> metrics.get(s.benchmark()).indexOf(s.metric()));
    out.values().forEach(list -> list.sort(sorted));
    return source;
  }

  private List<Row> select(String from) {
    List<String> metrics = rules.benchmarks().stream().flatMap(b -> b.metrics().stream()).distinct().toList();
    return spark.sql("SELECT model_key, benchmark, subtask, metric, value, stderr, n, docs FROM " + from
        + " WHERE metric IN (" + SqlLiterals.list(metrics) + ")").collectAsList();
  }

  /** The task_scores version in a snapshot's inputs JSON, or null. */
  static Long recordedVersion(String inputs) {
    try {
      if (Json.parse(inputs) instanceof Map<?, ?> map && map.get(Tables.TASK_SCORES.name()) instanceof Number n) {
        return n.longValue();
      }
    } catch (JsonProcessingException | RuntimeException notJson) {
      // an older snapshot's inputs: no version
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no reason given";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
