package io.podium.leaderboard.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.spark.CommitRetry;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The snapshot job: from {@code task_scores} (and {@code sample_scores} for the intervals) to
 * one appended snapshot of {@code leaderboard}, as the Open LLM Leaderboard v2 computed its
 * board: published normalization, average of the six, rank among the models complete on all
 * six over the same documents (the rest listed apart with the reason), 95% intervals, statistical ties of adjacent ranks, model metadata and cost.
 *
 * <p>Snapshots form a chain: each one's id is a hash of its parent's id and its content (not of
 * its time or input versions), so taking a snapshot again from unchanged scores appends nothing,
 * and scores going A, B, A give a third snapshot, the latest, showing A. Concurrent snapshot jobs
 * cannot both append on the same parent: the commit is one per sequence number.
 */
public final class SnapshotJob {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The application id of the leaderboard's idempotent commits (one per sequence number). */
  static final String COMMIT_APP_ID = "podium-snapshot";
  private static final int MAX_ATTEMPTS = 20;

  /**
   * What a run did.
   *
   * @param snapshotId the snapshot's id
   * @param time when it was taken (the earlier time, when unchanged)
   * @param appended false when the latest snapshot already had this content
   * @param ranked models ranked
   * @param unranked models listed apart
   */
  public record Result(String snapshotId, Timestamp time, boolean appended, int ranked, int unranked) {

    /** No snapshot: no model has a task score. */
    static final Result NONE = new Result(null, null, false, 0, 0);

    public boolean taken() {
      return snapshotId != null;
    }
  }

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Normalization rules;
  private final Map<String, TaskDefinition> definitions;
  private Runnable beforeCommit = () -> {};

  public SnapshotJob(SparkSession spark, Warehouse warehouse, Normalization rules,
      Map<String, TaskDefinition> definitions) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.rules = rules;
    this.definitions = definitions;
  }

  /** Runs {@code hook} after the parent is read and before the commit (tests that race two jobs). */
  SnapshotJob beforeCommit(Runnable hook) {
    this.beforeCommit = hook;
    return this;
  }

  /** Takes a snapshot with the default number of bootstrap replicates. */
  public Result run() {
    return run(Bootstrap.REPLICATES);
  }

  public Result run(int replicates) {
    SnapshotInputs in = SnapshotInputs.read(spark, rules, definitions);
    List<ModelStanding> standings = new ArrayList<>(ModelStanding.of(in, rules));
    if (standings.isEmpty()) {
      return Result.NONE; // a board of no model is no snapshot
    }
    standings.sort(Comparator.comparing((ModelStanding s) -> !s.ranked())
        .thenComparing(s -> s.ranked() ? -s.average() : 0.0)
        .thenComparing(ModelStanding::modelKey));
    Bootstrap bootstrap = Bootstrap.run(in, rules, standings, replicates);

    TreeSet<String> mathMethods = new TreeSet<>();
    standings.forEach(s -> mathMethods.addAll(s.mathMethods()));
    String mathMethod = mathMethods.isEmpty() ? "none" : String.join(",", mathMethods);
    String coverage = coverage(in);

    List<Map<String, Object>> contents = new ArrayList<>();
    int rank = 0;
    for (int i = 0; i < standings.size(); i++) {
      ModelStanding s = standings.get(i);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("math_method", mathMethod);
      row.put("coverage", coverage);
      row.putAll(identity(s.modelKey(), in.submissions.get(s.modelKey())));
      row.put("ranked", s.ranked());
      row.put("rank", s.ranked() ? ++rank : null);
      boolean nextRanked = i + 1 < standings.size() && standings.get(i + 1).ranked();
      row.put("tied_with_next", s.ranked() && nextRanked
          ? bootstrap.tied(s.modelKey(), standings.get(i + 1).modelKey()) : null);
      row.put("missing", s.ranked() ? null : String.join(", ", s.missing()));
      row.put("documents", s.documents());
      putScore(row, "average", s.average(), null, bootstrap.interval(s.modelKey(), "average"));
      for (String b : Tables.LEADERBOARD_BENCHMARKS) {
        Normalization.Score score = s.scores().get(b);
        putScore(row, b, score == null ? null : score.normalized(), score == null ? null : score.raw(),
            bootstrap.interval(s.modelKey(), b));
      }
      row.putAll(metadata(s.modelKey(), in, rules.co2()));
      contents.add(row);
    }

    String inputs = json(in.versions);
    int unranked = standings.size() - rank;
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      Parent parent = latestSnapshot();
      if (parent != null && contentId(parent.parentId(), contents).equals(parent.id())) {
        return new Result(parent.id(), parent.time(), false, rank, unranked);
      }
      String parentId = parent == null ? null : parent.id();
      long sequence = parent == null ? 1 : parent.sequence() + 1;
      String snapshotId = contentId(parentId, contents);
      Timestamp now = new Timestamp(System.currentTimeMillis());
      List<Row> rows = new ArrayList<>();
      for (Map<String, Object> content : contents) {
        Map<String, Object> full = new LinkedHashMap<>();
        full.put("snapshot_id", snapshotId);
        full.put("snapshot_time", now);
        full.put("inputs", inputs);
        full.putAll(content);
        full.put("parent_id", parentId);
        full.put("sequence_number", sequence);
        rows.add(Tables.LEADERBOARD.row(full));
      }
      beforeCommit.run();
      // Delta's idempotent writes: one commit per sequence number for this application id. Of two
      // jobs that read the same parent, the one that commits second either conflicts (and is
      // retried) or finds the sequence number taken and writes nothing; either way it then reads
      // the new latest snapshot and builds on it.
      CommitRetry.logged(spark).run("snapshot " + sequence, () ->
          spark.createDataFrame(rows, Tables.LEADERBOARD.schema()).write().format("delta").mode("append")
              .option("txnAppId", COMMIT_APP_ID).option("txnVersion", sequence)
              .save(warehouse.location(Tables.LEADERBOARD)));
      if (committed(snapshotId)) {
        return new Result(snapshotId, now, true, rank, unranked);
      }
    }
    throw new IllegalStateException("the snapshot lost the race to concurrent snapshot jobs " + MAX_ATTEMPTS
        + " times; run podium snapshot again");
  }

  /** The latest snapshot: its id, its parent's, its sequence number and time. */
  record Parent(String id, String parentId, long sequence, Timestamp time) {}

  private static void putScore(Map<String, Object> row, String name, Double normalized, Double raw,
      double[] interval) {
    if (!name.equals("average")) {
      row.put(name + "_raw", raw);
    }
    row.put(name, normalized);
    row.put(name + "_low", normalized == null || interval == null ? null : interval[0]);
    row.put(name + "_high", normalized == null || interval == null ? null : interval[1]);
  }

  /** model_id, revision and precision: from the submission, else from the model key (id@revision#precision). */
  private static Map<String, Object> identity(String modelKey, Row submission) {
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("model_key", modelKey);
    if (submission != null) {
      id.put("model_id", submission.getAs("model_id"));
      id.put("revision", submission.getAs("revision"));
      id.put("precision", submission.getAs("precision"));
      return id;
    }
    int at = modelKey.lastIndexOf('@');
    int hash = modelKey.lastIndexOf('#');
    boolean parsed = at > 0 && hash > at;
    id.put("model_id", parsed ? modelKey.substring(0, at) : modelKey);
    id.put("revision", parsed ? modelKey.substring(at + 1, hash) : "");
    id.put("precision", parsed ? modelKey.substring(hash + 1) : "");
    return id;
  }

  private static Map<String, Object> metadata(String modelKey, SnapshotInputs in, Normalization.Co2 co2) {
    Row sub = in.submissions.get(modelKey);
    double[] cost = in.costs.get(modelKey);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model_type", sub == null ? null : sub.getAs("model_type"));
    m.put("architecture", sub == null ? null : sub.getAs("architecture"));
    m.put("params_billions", sub == null ? null : sub.getAs("params_billions"));
    m.put("license", sub == null ? null : sub.getAs("license"));
    m.put("base_model", sub == null ? null : sub.getAs("base_model"));
    m.put("merged", sub == null ? null : sub.getAs("merged"));
    m.put("moe", sub == null ? null : sub.getAs("moe"));
    // What was actually rendered, for models Podium evaluated; what the results file says for imports.
    Boolean chat = in.chatTemplates.get(modelKey);
    m.put("chat_template", chat != null ? chat : sub == null ? null : sub.getAs("chat_template"));
    m.put("submitted_at", sub == null ? null : sub.getAs("submitted_at"));
    Double evaluationSeconds = cost != null ? Double.valueOf(cost[1])
        : sub == null ? null : sub.<Double>getAs("evaluation_seconds");
    m.put("gpu_seconds", cost != null ? Double.valueOf(cost[0]) : null);
    m.put("co2_kg", co2.kilograms(evaluationSeconds));
    m.put("source", cost == null && sub != null && "harness".equals(sub.getAs("backend")) ? "harness" : "podium");
    return m;
  }

  /** Per benchmark: the subtasks the ranking covers, of those defined. */
  private static String coverage(SnapshotInputs in) {
    Map<String, Object> c = new TreeMap<>();
    in.subtasks.forEach((b, subtasks) -> c.put(b, subtasks.size() + "/" + in.definedSubtasks.get(b)));
    return json(c);
  }

  /**
   * The snapshot with the highest sequence number, or, in a table whose snapshots all predate
   * parents, the latest taken (its sequence number is then the count of snapshots).
   */
  private Parent latestSnapshot() {
    String table = Warehouse.qualified(Tables.LEADERBOARD);
    List<Row> rows = spark.sql("SELECT snapshot_id, parent_id, sequence_number, snapshot_time,"
        + " (SELECT count(DISTINCT snapshot_id) FROM " + table + ") FROM " + table
        + " ORDER BY sequence_number DESC NULLS LAST, snapshot_time DESC LIMIT 1").collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    Row r = rows.get(0);
    long sequence = r.isNullAt(2) ? r.getLong(4) : r.getLong(2);
    return new Parent(r.getString(0), r.getString(1), sequence, r.getTimestamp(3));
  }

  private boolean committed(String snapshotId) {
    return spark.sql("SELECT 1 FROM " + Warehouse.qualified(Tables.LEADERBOARD) + " WHERE snapshot_id = "
        + SqlLiterals.string(snapshotId) + " LIMIT 1").count() > 0;
  }

  /**
   * First 16 hex digits of the SHA-256 of the parent's id and the rows' content (of the content
   * alone for a first snapshot, as snapshot ids were before parents were kept).
   */
  static String contentId(String parentId, List<Map<String, Object>> contents) {
    try {
      String hashed = (parentId == null ? "" : parentId + "\n") + json(contents);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(hashed.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
