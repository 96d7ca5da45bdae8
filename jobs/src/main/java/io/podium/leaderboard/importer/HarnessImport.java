package io.podium.leaderboard.importer;

import io.podium.spark.DeltaMerge;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Imports lm-evaluation-harness results of the {@code leaderboard} group into
 * {@code task_scores} (method {@code imported}) and {@code submissions} (status
 * {@code IMPORTED}), so that runs made elsewhere stand on the board beside Podium's own. Every
 * subtask of each benchmark the file has must be there with its metrics and document count; a
 * benchmark run in part is refused, naming what it lacks. A benchmark the file has none of (one
 * the group gained after the run) is left out and named: the model stands on the board unranked,
 * missing it. Re-importing a file changes nothing.
 */
public final class HarnessImport {

  static final String METHOD = "imported";

  /**
   * What was imported from one file.
   *
   * @param absent the benchmarks the file has no result of
   */
  public record Imported(Path file, String modelKey, int tasks, List<String> absent) {}

  private final SparkSession spark;
  private final Map<String, TaskDefinition> definitions;

  public HarnessImport(SparkSession spark, Map<String, TaskDefinition> definitions) {
    this.spark = spark;
    this.definitions = definitions;
  }

  /** The submissions row of an imported results file: IMPORTED, with what the file says of the run. */
  private static Row submission(HarnessResults r, Path file, Timestamp now) {
    Map<String, Object> v = new HashMap<>();
    for (StructField f : Tables.SUBMISSIONS.schema().fields()) {
      v.put(f.name(), null); // unknown unless set below: the file says nothing of type, size or license
    }
    v.put("model_key", r.modelKey());
    v.put("model_id", r.modelName());
    v.put("revision", r.revision());
    v.put("precision", r.precision());
    v.put("backend", "harness");
    v.put("chat_template", r.chatTemplate());
    v.put("submitted_at", r.date() != null ? r.date() : now);
    v.put("status", "IMPORTED");
    v.put("submission_id", UUID.nameUUIDFromBytes(r.modelKey().getBytes(StandardCharsets.UTF_8)).toString());
    v.put("evaluation_seconds", r.evaluationSeconds());
    v.put("source_file", file.toString());
    v.put("updated_at", now);
    return Tables.SUBMISSIONS.row(v);
  }

  /** Reads and checks every file first, then writes them all (two MERGEs). */
  public List<Imported> run(List<Path> files) throws IOException {
    List<Row> taskRows = new ArrayList<>();
    List<Row> submissionRows = new ArrayList<>();
    List<Imported> imported = new ArrayList<>();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    for (Path file : files) {
      HarnessResults r = HarnessResults.read(file);
      List<String> missing = new ArrayList<>();
      List<String> absent = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      for (TaskDefinition def : definitions.values()) {
        if (def.subtasks().stream().noneMatch(t -> r.metrics().containsKey(t.task()) || r.samples().containsKey(t.task()))) {
          absent.add(def.benchmark());
          continue;
        }
        for (TaskDefinition.Subtask subtask : def.subtasks()) {
          Map<String, Double> values = r.metrics().get(subtask.task());
          Long n = r.samples().get(subtask.task());
          if (values == null) {
            missing.add(subtask.task());
            continue;
          }
          if (n == null) {
            missing.add("n-samples of " + subtask.task());
            continue;
          }
          for (String metric : def.metrics()) {
            Double value = values.get(metric);
            if (value == null) {
              missing.add(subtask.task() + " " + metric);
              continue;
            }
            rows.add(RowFactory.create(r.modelKey(), def.benchmark(), subtask.name(), subtask.task(), metric, METHOD,
                value, values.get(metric + "_stderr"), n, n, "", now, r.documents().get(subtask.task())));
          }
        }
      }
      if (absent.size() == definitions.size()) {
        throw new IOException(file + " holds no result of any leaderboard benchmark ("
            + String.join(", ", definitions.keySet()) + "); run lm_eval with --tasks leaderboard");
      }
      if (!missing.isEmpty()) {
        throw new IOException(file + " is not a complete leaderboard run: it lacks " + missing.size() + " result(s): "
            + String.join(", ", missing.subList(0, Math.min(12, missing.size())))
            + (missing.size() > 12 ? ", ..." : "") + " (run lm_eval with --tasks leaderboard)");
      }
      taskRows.addAll(rows);
      submissionRows.add(submission(r, file, now));
      imported.add(new Imported(file, r.modelKey(), rows.size(), absent));
    }
    merge(Tables.TASK_SCORES, spark.createDataFrame(taskRows, Tables.TASK_SCORES.schema())
        .withColumn("score_hash",
            functions.expr("sha2(to_json(struct(task, method, value, stderr, n, units, docs)), 256)")),
        "t.score_hash <> s.score_hash");
    merge(Tables.SUBMISSIONS, spark.createDataFrame(submissionRows, Tables.SUBMISSIONS.schema()),
        "NOT (t.revision <=> s.revision AND t.precision <=> s.precision AND t.chat_template <=> s.chat_template"
            + " AND t.evaluation_seconds <=> s.evaluation_seconds AND t.submitted_at <=> s.submitted_at"
            + " AND t.source_file <=> s.source_file AND t.status <=> s.status)");
    return imported;
  }

  private void merge(Table table, Dataset<Row> source, String changed) {
    DeltaMerge.upsert(spark, table, source, changed, null);
  }
}
