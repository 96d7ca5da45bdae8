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

  private LeaderboardFixture() {}

  /** Creates the warehouse's tables and appends the three snapshots; returns the warehouse root. */
  static String create(Path dir) {
    SparkSession spark = TestSpark.get();
    Warehouse warehouse = Warehouse.at(dir.toString());
    warehouse.open(spark);
    List<Row> rows = new ArrayList<>();
    String inputs1 = "{\"task_scores\":3,\"submissions\":1}";
    rows.add(ranked(S1, T1, inputs1, ALPHA, 1, true, 40.0, null));
    rows.add(ranked(S1, T1, inputs1, BETA, 2, false, 39.5, null));
    rows.add(ranked(S1, T1, inputs1, GAMMA, 3, false, 30.0, null));
    rows.add(unranked(S1, T1, inputs1, DELTA, "mmlu_pro"));
    String inputs2 = "{\"task_scores\":5,\"submissions\":2}";
    rows.add(ranked(S2, T2, inputs2, BETA, 1, true, 42.0, null));
    rows.add(ranked(S2, T2, inputs2, ALPHA, 2, false, 40.0, null));
    rows.add(ranked(S2, T2, inputs2, GAMMA, 3, false, 30.0, null));
    rows.add(ranked(S2, T2, inputs2, EPSILON, 4, false, 25.0, null));
    rows.add(unranked(S2, T2, inputs2, DELTA, "mmlu_pro"));
    String inputs3 = "{\"task_scores\":8,\"submissions\":3,\"warehouse\":\"s3a://AKIAEXAMPLE:" + SECRET
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
    v.put("model_type", "pretrained");
    v.put("architecture", "LlamaForCausalLM");
    v.put("params_billions", 7.0);
    v.put("license", "apache-2.0");
    v.put("chat_template", false);
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

  static String sha(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
