package io.podium.leaderboard.snapshot;

import io.podium.leaderboard.normalize.Normalization;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a snapshot is computed from, read once from the warehouse: task scores, the
 * subtasks and documents the ranking covers, the per-document scores behind the intervals,
 * model metadata and evaluation cost, and the Delta version of each input table.
 */
final class SnapshotInputs {

  /**
   * A task score: one metric of one subtask of one model, over {@code n} of the task's
   * {@code docs} documents (null: a row an older Podium or an import wrote, complete).
   */
  record TaskScore(String benchmark, String subtask, String metric, String method, double value, Double stderr,
      long n, Long docs) {

    /** Scored over some of the task's documents only: a limited or unfinished run. */
    boolean partial() {
      return docs != null && n < docs;
    }
  }

  /** One document's value of a metric, and the units it stands for. */
  record DocScore(double value, int weight) {}

  /** model -> "benchmark/subtask" -> metric -> score. */
  final Map<String, Map<String, Map<String, TaskScore>>> taskScores = new TreeMap<>();
  /** benchmark -> the subtasks the ranking covers, sorted. */
  final Map<String, List<String>> subtasks = new LinkedHashMap<>();
  /** benchmark -> how many subtasks its definition has. */
  final Map<String, Integer> definedSubtasks = new LinkedHashMap<>();
  /** "benchmark/subtask" -> its documents' ids, sorted (only for ingested subtasks). */
  final Map<String, int[]> documents = new TreeMap<>();
  /** "benchmark/subtask" -> doc_id -> the document's content hash (only for ingested subtasks). */
  final Map<String, Map<Integer, String>> contentHashes = new HashMap<>();
  /** model -> "benchmark/subtask/metric" -> doc_id -> score. */
  final Map<String, Map<String, Map<Integer, DocScore>>> docScores = new HashMap<>();
  /** model -> its submissions row. */
  final Map<String, Row> submissions = new HashMap<>();
  /** model -> {GPU-seconds, all evaluation seconds} of its predictions. */
  final Map<String, double[]> costs = new HashMap<>();
  /** model -> whether its predictions answered requests rendered through a chat template. */
  final Map<String, Boolean> chatTemplates = new HashMap<>();
  /** table -> Delta version read. */
  final Map<String, Long> versions = new LinkedHashMap<>();

  static SnapshotInputs read(SparkSession spark, Normalization rules, Map<String, TaskDefinition> definitions) {
    SnapshotInputs in = new SnapshotInputs();
    for (Table t : List.of(Tables.BENCHMARK_DOCS, Tables.PREDICTIONS, Tables.SAMPLE_SCORES, Tables.TASK_SCORES,
        Tables.SUBMISSIONS)) {
      in.versions.put(t.name(), spark.sql("DESCRIBE HISTORY " + Warehouse.qualified(t) + " LIMIT 1").first()
          .getLong(0));
    }
    List<String> metrics = rules.benchmarks().stream().flatMap(b -> b.metrics().stream()).distinct().toList();
    String metricList = SqlLiterals.list(metrics);

    for (Row r : spark.sql("SELECT model_key, benchmark, subtask, metric, method, value, stderr, n, docs FROM "
        + Warehouse.qualified(Tables.TASK_SCORES) + " WHERE metric IN (" + metricList + ")").collectAsList()) {
      in.taskScores.computeIfAbsent(r.getString(0), k -> new TreeMap<>())
          .computeIfAbsent(r.getString(1) + "/" + r.getString(2), k -> new TreeMap<>())
          .put(r.getString(3), new TaskScore(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
              r.getDouble(5), r.isNullAt(6) ? null : r.getDouble(6), r.getLong(7), r.isNullAt(8) ? null : r.getLong(8)));
    }

    Map<String, TreeSet<String>> ingested = new TreeMap<>();
    for (Row r : spark.sql("SELECT benchmark, subtask, sort_array(collect_list(struct(doc_id, content_hash))) FROM "
        + Warehouse.qualified(Tables.BENCHMARK_DOCS) + " GROUP BY benchmark, subtask").collectAsList()) {
      ingested.computeIfAbsent(r.getString(0), k -> new TreeSet<>()).add(r.getString(1));
      String key = r.getString(0) + "/" + r.getString(1);
      List<Row> docs = r.getList(2);
      in.documents.put(key, docs.stream().mapToInt(d -> d.getInt(0)).toArray());
      Map<Integer, String> hashes = new HashMap<>();
      docs.forEach(d -> hashes.put(d.getInt(0), d.getString(1)));
      in.contentHashes.put(key, hashes);
    }
    for (Normalization.BenchmarkRule rule : rules.benchmarks()) {
      TaskDefinition def = definitions.get(rule.benchmark());
      if (def == null) {
        throw new IllegalArgumentException("conf/leaderboard/normalization.yaml names benchmark " + rule.benchmark()
            + ", which has no definition in conf/benchmarks");
      }
      List<String> defined = def.subtasks().stream().map(TaskDefinition.Subtask::name).sorted().toList();
      in.definedSubtasks.put(rule.benchmark(), defined.size());
      // The ranking covers what was ingested; with nothing ingested (imported results only), the definition.
      TreeSet<String> here = ingested.get(rule.benchmark());
      in.subtasks.put(rule.benchmark(), here != null ? new ArrayList<>(here) : defined);
    }

    for (Row r : spark.sql("SELECT model_key, benchmark, subtask, metric, doc_id, value, weight FROM "
        + Warehouse.qualified(Tables.SAMPLE_SCORES) + " WHERE metric IN (" + metricList + ")").collectAsList()) {
      in.docScores.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .computeIfAbsent(r.getString(1) + "/" + r.getString(2) + "/" + r.getString(3), k -> new HashMap<>())
          .put(r.getInt(4), new DocScore(r.getDouble(5), r.getInt(6)));
    }
    for (Row r : spark.sql("SELECT * FROM " + Warehouse.qualified(Tables.SUBMISSIONS)).collectAsList()) {
      in.submissions.put(r.getAs("model_key"), r);
      // A submitted model is on the board once it has FINISHED (or was IMPORTED); not while it is
      // pending, running or after it FAILED.
      if (!List.of("FINISHED", "IMPORTED").contains(r.<String>getAs("status"))) {
        in.taskScores.remove(r.<String>getAs("model_key"));
      }
    }
    for (Row r : spark.sql("SELECT model_key, sum(IF(device LIKE 'cuda%', latency_ms, 0)) / 1000,"
        + " sum(latency_ms) / 1000, max(template) <> '' FROM " + Warehouse.qualified(Tables.PREDICTIONS)
        + " GROUP BY model_key").collectAsList()) {
      in.costs.put(r.getString(0), new double[] {r.getDouble(1), r.getDouble(2)});
      in.chatTemplates.put(r.getString(0), r.getBoolean(3));
    }
    return in;
  }
}
