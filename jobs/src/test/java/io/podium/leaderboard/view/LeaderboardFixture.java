package io.podium.leaderboard.view;

import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import io.podium.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * A real {@code leaderboard} Delta table with three hand-made snapshots, as the snapshot job
 * would append them:
 *
 * <pre>
 *          S1 (2026-01-01 12:00Z)   S2 (2026-01-10 12:00Z)   S3 (2026-01-20 12:00Z)
 * alpha    1= 40.0                  2  40.0                  2  44.0
 * beta     2  39.5                  1= 42.0                  3  41.0
 * gamma    3  30.0                  3  30.0                  (left)
 * epsilon                           4  25.0 (entered)        1= 46.0
 * evil                                                       4  20.0 (entered; id full of markup)
 * delta    unranked (mmlu_pro)      unranked                 unranked
 * </pre>
 *
 * GPQA in S3 sorts differently from the rank, and differently as numbers than as text: evil 30,
 * alpha 10.25, epsilon 9.5, beta 2. S3's inputs name a location with credentials in it.
 *
 * <p>What was submitted of each model differs, for the page's filters: alpha pretrained 7 B,
 * beta chat 1.5 B with a chat template and alpha as base model, epsilon a 13 B merge of beta,
 * evil fine-tuned of unknown size and a mixture of experts (float16), gamma and delta pretrained
 * 70 B (float16). A real {@code task_scores} table holds the subtask scores (see
 * {@link #subtaskValue}); each snapshot's inputs name the Delta version it was written at, and a
 * commit after S3 changes every value, so a page that reads the recorded version shows the values
 * S3 was taken from.
 */
final class LeaderboardFixture {

  static final String ALPHA = "org/alpha@r1#bfloat16";
  static final String BETA = "org/beta@r1#bfloat16";
  static final String GAMMA = "org/gamma@r1#float16";
  static final String DELTA = "org/delta@r1#float16";
  static final String EPSILON = "org/epsilon@r2#bfloat16";
  static final String EVIL_ID = "zz/<img src=x onerror=alert(1)>\"q\",'&amp;";
  static final String EVIL = EVIL_ID + "@r1#float16";
  static final String SECRET = "SuperSecretValue42";

  static final String S1 = sha("s1");
  static final String S2 = sha("s2");
  static final String S3 = sha("s3");
  static final Instant T1 = Instant.parse("2026-01-01T12:00:00Z");
  static final Instant T2 = Instant.parse("2026-01-10T12:00:00Z");
  static final Instant T3 = Instant.parse("2026-01-20T12:00:00Z");

  /** The subtasks of the task_scores table: benchmark/subtask, metric. */
  static final List<String[]> SUBTASKS = List.of(
      new String[] {"ifeval", "ifeval", "prompt_level_strict_acc"},
      new String[] {"ifeval", "ifeval", "inst_level_strict_acc"},
      new String[] {"bbh", "boolean_expressions", "acc_norm"},
      new String[] {"bbh", "navigate", "acc_norm"},
      new String[] {"math_hard", "algebra", "exact_match"},
      new String[] {"gpqa", "diamond", "acc_norm"},
      new String[] {"musr", "murder_mysteries", "acc_norm"},
      new String[] {"mmlu_pro", "mmlu_pro", "acc"});
  /** Documents of every subtask; epsilon's bbh/navigate stands on fewer (a partial score). */
  static final long SUBTASK_DOCS = 250;
  static final long EPSILON_NAVIGATE_N = 10;

  /** The Delta version of task_scores each snapshot's inputs record (set by {@link #create}). */
  static long taskScoresAtS1;
  static long taskScoresAtS2;
  static long taskScoresAtS3;

  private LeaderboardFixture() {}

  /** Creates the warehouse's tables and appends the three snapshots; returns the warehouse root. */
  static String create(Path dir) {
    SparkSession spark = TestSpark.get();
    Warehouse warehouse = Warehouse.at(dir.toString());
    warehouse.open(spark);
    String scores = warehouse.location(Tables.TASK_SCORES);
    taskScoresAtS1 = writeTaskScores(spark, scores, List.of(ALPHA, BETA, GAMMA, DELTA), 0);
    taskScoresAtS2 = writeTaskScores(spark, scores, List.of(EPSILON), 0);
    taskScoresAtS3 = writeTaskScores(spark, scores, List.of(EVIL), 0);
    writeTaskScores(spark, scores, List.of(ALPHA, BETA, GAMMA, DELTA, EPSILON, EVIL), 1); // after S3: not shown
    List<Row> rows = new ArrayList<>();
    String inputs1 = "{\"task_scores\":" + taskScoresAtS1 + ",\"submissions\":1}";
    rows.add(ranked(S1, T1, inputs1, ALPHA, 1, true, 40.0, null));
    rows.add(ranked(S1, T1, inputs1, BETA, 2, false, 39.5, null));
    rows.add(ranked(S1, T1, inputs1, GAMMA, 3, false, 30.0, null));
    rows.add(unranked(S1, T1, inputs1, DELTA, "mmlu_pro"));
    String inputs2 = "{\"task_scores\":" + taskScoresAtS2 + ",\"submissions\":2}";
    rows.add(ranked(S2, T2, inputs2, BETA, 1, true, 42.0, null));
    rows.add(ranked(S2, T2, inputs2, ALPHA, 2, false, 40.0, null));
    rows.add(ranked(S2, T2, inputs2, GAMMA, 3, false, 30.0, null));
    rows.add(ranked(S2, T2, inputs2, EPSILON, 4, false, 25.0, null));
    rows.add(unranked(S2, T2, inputs2, DELTA, "mmlu_pro"));
    String inputs3 = "{\"task_scores\":" + taskScoresAtS3 + ",\"submissions\":3,\"warehouse\":\"s3a://AKIAEXAMPLE:" + SECRET
        + "@bucket/podium\"}";
    rows.add(ranked(S3, T3, inputs3, EPSILON, 1, true, 46.0, 9.5));
    rows.add(ranked(S3, T3, inputs3, ALPHA, 2, false, 44.0, 10.25));
    rows.add(ranked(S3, T3, inputs3, BETA, 3, false, 41.0, 2.0));
    rows.add(ranked(S3, T3, inputs3, EVIL, 4, false, 20.0, 30.0));
    rows.add(unranked(S3, T3, inputs3, DELTA, "mmlu_pro, bbh/navigate"));
    spark.createDataFrame(rows, Tables.LEADERBOARD.schema()).write().format("delta").mode("append")
        .save(warehouse.location(Tables.LEADERBOARD));
    return dir.toString();
  }

  /**
   * Rows: benchmark b (index i) scores {@code average + i - 2.5} (GPQA: {@code gpqa} when given),
   * with an interval of ±1.5; the average's interval is ±1. An unranked model has no average and
   * no MMLU-Pro.
   */
  private static Row ranked(String snapshot, Instant time, String inputs, String modelKey, int rank, boolean tied,
      double average, Double gpqa) {
    return build(snapshot, time, inputs, modelKey, rank, tied, average, gpqa, true, null);
  }

  private static Row unranked(String snapshot, Instant time, String inputs, String modelKey, String missing) {
    return build(snapshot, time, inputs, modelKey, null, null, null, null, false, missing);
  }

  private static Row build(String snapshot, Instant time, String inputs, String modelKey, Integer rank, Boolean tied,
      Double average, Double gpqa, boolean ranked, String missing) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("snapshot_id", snapshot);
    v.put("snapshot_time", Timestamp.from(time));
    v.put("inputs", inputs);
    v.put("math_method", "sympy_2024");
    v.put("coverage", "{\"bbh\":24,\"ifeval\":1,\"math_hard\":7,\"gpqa\":3,\"musr\":3,\"mmlu_pro\":1}");
    v.put("model_key", modelKey);
    v.put("model_id", modelKey.substring(0, modelKey.lastIndexOf('@')));
    v.put("revision", modelKey.substring(modelKey.lastIndexOf('@') + 1, modelKey.lastIndexOf('#')));
    v.put("precision", modelKey.substring(modelKey.lastIndexOf('#') + 1));
    v.put("ranked", ranked);
    v.put("rank", rank);
    v.put("tied_with_next", ranked ? tied : null);
    v.put("missing", missing);
    v.put("documents", ranked ? 7800L : 1326L);
    double base = average != null ? average : 33.0;
    if (ranked) {
      v.put("average", average);
      v.put("average_low", average - 1.0);
      v.put("average_high", average + 1.0);
    }
    List<String> benchmarks = Tables.LEADERBOARD_BENCHMARKS;
    for (int i = 0; i < benchmarks.size(); i++) {
      String b = benchmarks.get(i);
      if (!ranked && b.equals("mmlu_pro")) {
        continue;
      }
      double score = b.equals("gpqa") && gpqa != null ? gpqa : base + i - 2.5;
      v.put(b + "_raw", score / 100);
      v.put(b, score);
      v.put(b + "_low", Math.max(0, score - 1.5));
      v.put(b + "_high", score + 1.5);
    }
    v.put("architecture", "LlamaForCausalLM");
    v.put("license", "apache-2.0");
    v.putAll(card(modelKey));
    v.put("submitted_at", Timestamp.from(Instant.parse("2025-12-01T00:00:00Z")));
    v.put("gpu_seconds", 3600.0);
    v.put("co2_kg", 1.5);
    v.put("source", "podium");
    StructField[] fields = Tables.LEADERBOARD.schema().fields();
    Object[] values = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = v.get(fields[i].name());
    }
    return RowFactory.create(values);
  }

  /** What was submitted of a model: its type, size, chat template, base model and flags. */
  private static Map<String, Object> card(String modelKey) {
    Map<String, Object> v = new LinkedHashMap<>();
    String type = "pretrained";
    Double params = 70.0;
    String base = null;
    boolean merged = false;
    boolean moe = false;
    if (modelKey.equals(ALPHA)) {
      params = 7.0;
    } else if (modelKey.equals(BETA)) {
      type = "chat";
      params = 1.5;
      base = "org/alpha";
    } else if (modelKey.equals(EPSILON)) {
      type = "merge";
      params = 13.0;
      base = "org/beta";
      merged = true;
    } else if (modelKey.equals(EVIL)) {
      type = "fine-tuned";
      params = null;
      moe = true;
    }
    v.put("model_type", type);
    v.put("params_billions", params);
    v.put("chat_template", modelKey.equals(BETA));
    v.put("base_model", base);
    v.put("merged", merged);
    v.put("moe", moe);
    return v;
  }

  /**
   * A model's value of subtask {@code i} of {@link #SUBTASKS} in generation {@code g} (0: the
   * values the snapshots were taken from; 1: a later change): 0.5 + (i + 1) / 40, plus 0.2 in
   * generation 1.
   */
  static double subtaskValue(int i, int generation) {
    return 0.5 + (i + 1) / 40.0 + 0.2 * generation;
  }

  /** Appends the models' subtask scores in one commit; returns the table's version after it. */
  private static long writeTaskScores(SparkSession spark, String location, List<String> models, int generation) {
    List<Row> rows = new ArrayList<>();
    Timestamp now = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z"));
    for (String model : models) {
      for (int i = 0; i < SUBTASKS.size(); i++) {
        String[] t = SUBTASKS.get(i);
        long n = model.equals(EPSILON) && t[1].equals("navigate") ? EPSILON_NAVIGATE_N : SUBTASK_DOCS;
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model_key", model);
        v.put("benchmark", t[0]);
        v.put("subtask", t[1]);
        v.put("task", "leaderboard_" + t[1]);
        v.put("metric", t[2]);
        v.put("method", "harness");
        v.put("value", subtaskValue(i, generation));
        v.put("stderr", 0.01);
        v.put("n", n);
        v.put("units", n);
        v.put("score_hash", sha(model + i + generation));
        v.put("scored_at", now);
        v.put("docs", SUBTASK_DOCS);
        rows.add(Tables.TASK_SCORES.row(v));
      }
    }
    // Generation 1 replaces every value (a later scoring run); generation 0 adds the models' rows.
    spark.createDataFrame(rows, Tables.TASK_SCORES.schema()).write().format("delta")
        .mode(generation > 0 ? "overwrite" : "append").save(location);
    return spark.sql("DESCRIBE HISTORY delta.`" + location + "` LIMIT 1").first().getLong(0);
  }

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
