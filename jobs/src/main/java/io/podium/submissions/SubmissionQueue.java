package io.podium.submissions;

import io.podium.spark.CommitRetry;
import io.podium.spark.DeltaMerge;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The submission queue in the {@code submissions} table: PENDING → RUNNING → FINISHED or
 * FAILED. Every change is one Delta commit guarded by a condition on the current state, and
 * each writer checks its own id afterwards, so a concurrent writer can never make two runs
 * take the same submission or two submissions of the same model key both count.
 *
 * <p>Values go into the statements as escaped literals ({@link SqlLiterals}), not as named
 * parameters: in this setup (Spark 4.1.0 with Delta's SQL extension) {@code spark.sql(text, Map)}
 * left the {@code :name} markers unbound (UNBOUND_SQL_PARAMETER).
 */
public final class SubmissionQueue {

  public static final String PENDING = "PENDING";
  public static final String RUNNING = "RUNNING";
  public static final String FINISHED = "FINISHED";
  public static final String FAILED = "FAILED";

  private static final String TABLE = Warehouse.qualified(Tables.SUBMISSIONS);

  private final SparkSession spark;
  private final SubmissionRules rules;

  public SubmissionQueue(SparkSession spark, SubmissionRules rules) {
    this.spark = spark;
    this.rules = rules;
  }

  /** Adds a PENDING submission; IllegalArgumentException naming the reason when it is refused. */
  public Row submit(SubmissionRequest r) {
    rules.validate(r);
    Row existing = get(r.modelKey());
    if (existing != null) {
      throw duplicate(existing);
    }
    if (r.submitter() != null) {
      Timestamp since = new Timestamp(System.currentTimeMillis() - rules.quota().days() * 86_400_000L);
      long recent = spark.sql("SELECT count(*) FROM " + TABLE + " WHERE submitter = " + SqlLiterals.string(r.submitter())
          + " AND submitted_at > TIMESTAMP " + SqlLiterals.string(since.toString()) + " AND status <> 'IMPORTED'")
          .first().getLong(0);
      if (recent >= rules.quota().perSubmitter()) {
        throw new IllegalArgumentException("submitter " + r.submitter() + " has made " + recent + " submissions in the"
            + " last " + rules.quota().days() + " days; the quota is " + rules.quota().perSubmitter()
            + " (conf/submissions.yaml)");
      }
    }
    String id = UUID.randomUUID().toString();
    Timestamp now = new Timestamp(System.currentTimeMillis());
    ModelCard card = r.card();
    Map<String, Object> v = new HashMap<>();
    v.put("model_key", r.modelKey());
    v.put("model_id", r.modelId());
    v.put("revision", r.revision());
    v.put("precision", r.precision());
    v.put("backend", r.backend());
    v.put("uri", r.uri());
    v.put("model_type", card.modelType());
    v.put("architecture", card.architecture());
    v.put("params_billions", card.paramsBillions());
    v.put("license", card.license());
    v.put("base_model", card.baseModel());
    v.put("merged", card.merged());
    v.put("moe", card.moe());
    v.put("chat_template", r.chatTemplate());
    v.put("submitter", r.submitter());
    v.put("submitted_at", now);
    v.put("status", PENDING);
    v.put("submission_id", id);
    for (String unset : List.of("reason", "claimed_by", "started_at", "finished_at", "evaluation_seconds",
        "source_file")) {
      v.put(unset, null);
    }
    v.put("updated_at", now);
    Row row = Tables.SUBMISSIONS.row(v);
    // Insert only: a submission already there (a concurrent one of the same model) is never changed.
    DeltaMerge.upsert(spark, Tables.SUBMISSIONS, spark.createDataFrame(List.of(row), Tables.SUBMISSIONS.schema()),
        "false", null, null, CommitRetry.logged(spark), "the submission of " + r.modelKey());
    Row stored = get(r.modelKey());
    if (stored == null || !id.equals(stored.getAs("submission_id"))) {
      throw duplicate(stored);
    }
    return stored;
  }

  /** The request a row of the submissions table holds. */
  public static SubmissionRequest request(Row row) {
    return new SubmissionRequest(row.getAs("model_id"), row.getAs("revision"), row.getAs("precision"),
        row.getAs("backend"), row.getAs("uri"), Boolean.TRUE.equals(row.getAs("chat_template")),
        row.getAs("submitter"), card(row));
  }

  /** What a row of the submissions table says of its model. */
  public static ModelCard card(Row row) {
    return new ModelCard(row.getAs("model_type"), row.getAs("architecture"), row.getAs("params_billions"),
        row.getAs("license"), row.getAs("base_model"), Boolean.TRUE.equals(row.getAs("merged")),
        Boolean.TRUE.equals(row.getAs("moe")));
  }

  private static IllegalArgumentException duplicate(Row existing) {
    return new IllegalArgumentException(existing.<String>getAs("model_key") + " was already submitted on "
        + existing.getAs("submitted_at") + (existing.getAs("submitter") != null ? " by " + existing.getAs("submitter")
        : "") + " (status " + existing.getAs("status") + "); a model key is evaluated once");
  }

  /** The submission of a model key, or null. */
  public Row get(String modelKey) {
    List<Row> rows = spark.sql("SELECT * FROM " + TABLE + " WHERE model_key = " + SqlLiterals.string(modelKey)).collectAsList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Submissions, oldest first; all of them when status is null. */
  public List<Row> list(String status) {
    return spark.sql("SELECT * FROM " + TABLE + (status == null ? "" : " WHERE status = " + SqlLiterals.string(status))
        + " ORDER BY submitted_at, model_key").collectAsList();
  }

  /** A fresh claim id, for a run that does not bring its own. */
  public static String newClaimId() {
    return UUID.randomUUID().toString();
  }

  /**
   * Claims up to {@code limit} submissions for the run {@code claimId}, oldest first: the ones
   * this claim already holds (RUNNING under it: a retried claim step gets them back instead of
   * leaving them stranded), then PENDING ones, each made RUNNING under this claim. A submission
   * another run claimed first (or at the same time: Delta lets one of two conflicting commits
   * through, the other is retried and then finds it RUNNING) is skipped.
   *
   * @return the model keys this claim holds
   */
  public List<String> claim(String claimId, int limit) {
    ClaimIds.check(claimId);
    List<String> claimed = new ArrayList<>();
    for (Row held : held(claimId)) {
      if (claimed.size() < limit) {
        claimed.add(held.getAs("model_key"));
      }
    }
    for (Row pending : list(PENDING)) {
      if (claimed.size() >= limit) {
        break;
      }
      String key = pending.getAs("model_key");
      // A lost race is retried: the UPDATE only takes a row still PENDING, so when another claim
      // won, the retry changes nothing and the submission is not ours.
      CommitRetry.logged(spark).run("the claim of " + key, () -> spark.sql("UPDATE " + TABLE
          + " SET status = 'RUNNING', claimed_by = " + SqlLiterals.string(claimId)
          + ", started_at = current_timestamp(), updated_at = current_timestamp() WHERE model_key = "
          + SqlLiterals.string(key) + " AND status = 'PENDING'"));
      Row now = get(key);
      if (now != null && claimId.equals(now.getAs("claimed_by"))) {
        claimed.add(key);
      }
    }
    return claimed;
  }

  /** The submissions RUNNING under a claim, oldest first. */
  public List<Row> held(String claimId) {
    return spark.sql("SELECT * FROM " + TABLE + " WHERE status = 'RUNNING' AND claimed_by = "
        + SqlLiterals.string(claimId) + " ORDER BY submitted_at, model_key").collectAsList();
  }

  /**
   * The submission of a model key if it is RUNNING under this claim; otherwise an
   * IllegalStateException saying what it is instead. Only the run that claimed a submission
   * evaluates it, and a submission that ended (FINISHED or FAILED) is never evaluated again: a
   * scheduler's retry of a failed evaluation must not turn FAILED into FINISHED.
   */
  public Row requireHeld(String modelKey, String claimId) {
    Row row = get(modelKey);
    if (row == null) {
      throw new IllegalArgumentException("no submission " + modelKey + "; see podium submissions");
    }
    String status = row.getAs("status");
    String holder = row.getAs("claimed_by");
    if (RUNNING.equals(status) && claimId.equals(holder)) {
      return row;
    }
    String what = RUNNING.equals(status) ? "RUNNING under another claim (" + holder + ")"
        : PENDING.equals(status) ? "PENDING (not claimed yet: run podium claim)"
        : status + (row.getAs("reason") != null ? " (" + row.getAs("reason") + ")" : "");
    throw new IllegalStateException("submission " + modelKey + " is " + what + ", not RUNNING under claim " + claimId
        + "; only the run that claimed it evaluates it, and an ended submission is not evaluated again"
        + " (see podium submissions)");
  }

  /** Marks a submission this claim holds FINISHED. */
  public void finish(String modelKey, String claimId) {
    end(modelKey, claimId, FINISHED, null);
  }

  /** Marks a submission this claim holds FAILED with the reason (no secrets: messages name models and files only). */
  public void fail(String modelKey, String claimId, String reason) {
    end(modelKey, claimId, FAILED, reason);
  }

  /** Ends a submission, only while this claim holds it: a stale run can never overwrite the outcome. */
  private void end(String modelKey, String claimId, String status, String reason) {
    String cut = reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    CommitRetry.logged(spark).run("marking " + modelKey + " " + status, () -> spark.sql("UPDATE " + TABLE
        + " SET status = " + SqlLiterals.string(status) + ", reason = " + SqlLiterals.string(cut)
        + ", finished_at = current_timestamp(), updated_at = current_timestamp() WHERE model_key = "
        + SqlLiterals.string(modelKey) + " AND status = 'RUNNING' AND claimed_by = " + SqlLiterals.string(claimId)));
  }
}
