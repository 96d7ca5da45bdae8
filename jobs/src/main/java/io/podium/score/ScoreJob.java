package io.podium.score;

import io.podium.scoring.DocumentScorer;
import io.podium.scoring.DocumentScorers;
import io.podium.scoring.math.MathEquivalence;
import io.podium.scoring.math.MathScorerProvider;
import io.podium.spark.DeltaMerge;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The score job: joins predictions with requests and documents, scores every document of
 * every model as the harness's {@code process_results} does, and writes
 * {@code sample_scores} and {@code task_scores}.
 *
 * <ul>
 *   <li>A prediction counts only if it answers the request as it is now (same request hash).
 *   <li>A document with a missing or unusable answer is incomplete, never wrong; a task with
 *       an incomplete document gets no task score, and the job reports it.
 *   <li>A document the model was not asked at all (none of its requests answered: a
 *       {@code --limit} run, or one not finished) leaves its task partial: scored over the
 *       documents that were, with {@code n < docs}, and never ranked (lm-eval's {@code --limit}
 *       gives numbers too).
 *   <li>Idempotent: each table is written by one MERGE over the scored (model, benchmark)
 *       scope; an unchanged score is not rewritten, a score whose inputs disappeared is
 *       deleted.
 *   <li>Task values are the harness's aggregates: the mean over documents (over instructions
 *       for IFEval's inst_level metrics), with {@code stderr = sample std / sqrt(n)} where the
 *       harness reports one.
 * </ul>
 */
public final class ScoreJob {

  /**
   * What to score.
   *
   * @param models model keys (empty: every model with predictions)
   * @param benchmarks benchmarks (empty: all ingested)
   * @param mathMethod how MATH answers are compared
   */
  public record Options(List<String> models, List<String> benchmarks, MathEquivalence mathMethod) {}

  /** A task that got no score, and why. */
  public record Gap(String modelKey, String benchmark, String subtask, long incompleteDocs, long docs,
      String exampleReason) {}

  /** A task scored over some of its documents only: the others were not asked. */
  public record Partial(String modelKey, String benchmark, String subtask, long scoredDocs, long docs) {}

  /** What a run did. */
  public record Summary(List<String> models, long documents, long sampleScores, long taskScores, List<Gap> gaps,
      List<Partial> partials, double seconds) {}

  /** How much of one (model, task) was scored. */
  private record Coverage(String modelKey, String benchmark, String subtask, long docs, long scored, long unanswered,
      String reason) {

    static String key(String modelKey, String benchmark, String subtask) {
      return modelKey + "\u0000" + benchmark + "\u0000" + subtask;
    }

    /** No score: a document was answered but cannot be scored, or none was asked. */
    boolean gap() {
      return scored + unanswered < docs || scored == 0;
    }
  }

  private final SparkSession spark;
  private final Map<String, TaskDefinition> definitions;
  private final PrintStream out;

  public ScoreJob(SparkSession spark, Map<String, TaskDefinition> definitions, PrintStream out) {
    this.spark = spark;
    this.definitions = definitions;
    this.out = out;
  }

  public Summary run(Options options) {
    long started = System.nanoTime();
    List<String> models = models(options.models());
    List<String> benchmarks = benchmarks(options.benchmarks());
    if (models.isEmpty() || benchmarks.isEmpty()) {
      out.println("score: nothing to score (" + (models.isEmpty() ? "no predictions" : "no benchmarks ingested")
          + ")");
      return new Summary(models, 0, 0, 0, List.of(), List.of(), 0);
    }
    Map<String, DocumentScorer> scorers = new LinkedHashMap<>();
    for (String b : benchmarks) {
      TaskDefinition definition = definitions.get(b);
      if (definition == null) {
        throw new IllegalArgumentException("benchmark " + b + " has no definition in conf/benchmarks");
      }
      scorers.put(b, DocumentScorers.forTask(definition,
          Map.of(MathScorerProvider.MATH_METHOD, options.mathMethod().id())));
    }

    // The lineage is cut once scored, so the documents are scored exactly once however the
    // result is used below (the MERGEs read their source more than once).
    Dataset<Row> scored = documents(models, benchmarks)
        .mapPartitions(new ScoreFunction(scorers), Encoders.row(ScoreFunction.SCHEMA))
        .localCheckpoint(true);
    scored.createOrReplaceTempView("podium_scored");
    Timestamp now = new Timestamp(System.currentTimeMillis());

    Dataset<Row> samples = scored.where("incomplete_reason IS NULL").drop("incomplete_reason", "unanswered")
        .selectExpr("*", "sha2(to_json(struct(task, method, value, weight, chosen_index, gold_index,"
            + " extracted_answer, normalized_answer, gold_answer, instruction_ids, instruction_verdicts, details)),"
            + " 256) AS score_hash")
        .withColumn("scored_at", functions.lit(now));
    String scope = scope(models, benchmarks);
    merge(Tables.SAMPLE_SCORES, samples.selectExpr(columns(Tables.SAMPLE_SCORES)), scope);

    Map<String, Coverage> coverage = coverage();
    List<Gap> gaps = new ArrayList<>();
    List<Partial> partials = new ArrayList<>();
    for (Coverage c : coverage.values()) {
      if (c.gap()) {
        gaps.add(new Gap(c.modelKey(), c.benchmark(), c.subtask(), c.docs() - c.scored(), c.docs(), c.reason()));
      } else if (c.scored() < c.docs()) {
        partials.add(new Partial(c.modelKey(), c.benchmark(), c.subtask(), c.scored(), c.docs()));
      }
    }
    Dataset<Row> tasks = taskScores(coverage, now);
    merge(Tables.TASK_SCORES, tasks, scope);

    // count(DISTINCT a, b, ...) of several columns has no GPU version (docs/gpu.md); the key columns
    // are never null, so counting the distinct rows is the same number.
    long documents = spark.sql("SELECT count(*) FROM (SELECT DISTINCT model_key, benchmark, subtask, doc_id"
        + " FROM podium_scored)").first().getLong(0);
    long sampleCount = samples.count();
    long taskCount = tasks.count();
    spark.catalog().dropTempView("podium_scored");
    return new Summary(models, documents, sampleCount, taskCount, gaps, partials,
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * One row per (model, document): the document, how many requests it has, and the model's
   * answers to those requests as they are now.
   */
  private Dataset<Row> documents(List<String> models, List<String> benchmarks) {
    String modelList = SqlLiterals.list(models);
    String benchmarkList = SqlLiterals.list(benchmarks);
    return spark.sql(
        // Each model is scored on the requests of the prompt format it was evaluated with
        // (plain, or its chat template): the template its predictions answered.
        "WITH k AS (SELECT explode(array(" + modelList + ")) AS model_key),"
            + " f AS (SELECT model_key, max(template) AS template FROM " + Warehouse.qualified(Tables.PREDICTIONS)
            + "   WHERE model_key IN (" + modelList + ") GROUP BY model_key),"
            + " m AS (SELECT k.model_key, coalesce(f.template, '') AS template FROM k LEFT JOIN f"
            + "   ON f.model_key = k.model_key),"
            + " r AS (SELECT request_id, benchmark, subtask, doc_id, request_index, request_hash, template FROM "
            + Warehouse.qualified(Tables.REQUESTS) + " WHERE benchmark IN (" + benchmarkList + ")),"
            + " p AS (SELECT model_key, request_id, request_hash, loglikelihood, generated_text FROM "
            + Warehouse.qualified(Tables.PREDICTIONS) + " WHERE model_key IN (" + modelList + ")"
            + " AND benchmark IN (" + benchmarkList + ")),"
            + " answered AS (SELECT m.model_key, r.benchmark, r.subtask, r.doc_id, count(*) AS expected,"
            + "   collect_list(CASE WHEN p.request_id IS NOT NULL THEN named_struct('request_index', r.request_index,"
            + "     'loglikelihood', p.loglikelihood, 'generated_text', p.generated_text) END) AS answers"
            + "   FROM r JOIN m ON r.template = m.template"
            + "   LEFT JOIN p ON p.model_key = m.model_key AND p.request_id = r.request_id"
            + "     AND p.request_hash = r.request_hash"
            + "   GROUP BY m.model_key, r.benchmark, r.subtask, r.doc_id)"
            + " SELECT a.model_key, a.benchmark, a.subtask, d.task, a.doc_id, d.doc, d.choices, d.gold_index,"
            + "   a.expected, a.answers"
            + " FROM answered a JOIN " + Warehouse.qualified(Tables.BENCHMARK_DOCS) + " d"
            + "   ON d.benchmark = a.benchmark AND d.subtask = a.subtask AND d.doc_id = a.doc_id");
  }

  /**
   * Per (model, task), in key order: its documents, those scored, those not asked at all, and a
   * reason of one that is not scored (an answered one first: that is what keeps a task unscored).
   */
  private Map<String, Coverage> coverage() {
    Map<String, Coverage> coverage = new LinkedHashMap<>();
    for (Row r : spark.sql("SELECT model_key, benchmark, subtask, count(DISTINCT doc_id) AS docs,"
        + " count(DISTINCT CASE WHEN incomplete_reason IS NULL THEN doc_id END) AS scored,"
        + " count(DISTINCT CASE WHEN unanswered THEN doc_id END) AS unanswered,"
        + " coalesce(min(CASE WHEN NOT unanswered THEN incomplete_reason END), min(incomplete_reason)) AS reason"
        + " FROM podium_scored GROUP BY model_key, benchmark, subtask"
        + " ORDER BY model_key, benchmark, subtask").collectAsList()) {
      Coverage c = new Coverage(r.getString(0), r.getString(1), r.getString(2), r.getLong(3), r.getLong(4),
          r.getLong(5), r.getString(6));
      coverage.put(Coverage.key(c.modelKey(), c.benchmark(), c.subtask()), c);
    }
    return coverage;
  }

  /**
   * The task scores of the tasks that are not gaps (complete or partial). Sums are exact (decimal, rounded per document to 12
   * places), so the values do not depend on how Spark split the work, and a re-run writes
   * the same bits.
   */
  private Dataset<Row> taskScores(Map<String, Coverage> coverage, Timestamp now) {
    List<Row> rows = new ArrayList<>();
    for (Row r : spark.sql("SELECT model_key, benchmark, subtask, task, metric, method,"
        + " sum(CAST(round(value * weight, 12) AS DECIMAL(20, 12))) AS weighted_sum,"
        + " sum(CAST(round(value, 12) AS DECIMAL(20, 12))) AS value_sum,"
        + " sum(CAST(round(value, 12) AS DECIMAL(20, 12)) * CAST(round(value, 12) AS DECIMAL(20, 12)))"
        + "   AS square_sum,"
        + " CAST(sum(weight) AS BIGINT) AS units, count(*) AS n, max(weight) AS max_weight"
        + " FROM podium_scored WHERE incomplete_reason IS NULL"
        + " GROUP BY model_key, benchmark, subtask, task, metric, method").collectAsList()) {
      String model = r.getString(0);
      String benchmark = r.getString(1);
      String subtask = r.getString(2);
      Coverage task = coverage.get(Coverage.key(model, benchmark, subtask));
      if (task.gap()) {
        continue;
      }
      long units = r.getLong(9);
      long n = r.getLong(10);
      double value = TaskAggregates.mean(r.getDecimal(6), units);
      Double stderr = r.getInt(11) == 1 ? TaskAggregates.meanStderr(r.getDecimal(7), r.getDecimal(8), n) : null;
      rows.add(RowFactory.create(model, benchmark, subtask, r.getString(3), r.getString(4), r.getString(5), value,
          stderr, n, units, "", now, task.docs()));
    }
    Dataset<Row> tasks = spark.createDataFrame(rows, Tables.TASK_SCORES.schema());
    return tasks.withColumn("score_hash",
        functions.expr("sha2(to_json(struct(task, method, value, stderr, n, units, docs)), 256)"));
  }

  /** Writes a table's rows of the scored scope; unchanged scores are not rewritten. */
  private void merge(Table table, Dataset<Row> source, String scope) {
    DeltaMerge.upsert(spark, table, source, "t.score_hash <> s.score_hash", scope);
  }

  private List<String> models(List<String> requested) {
    return present(requested, "SELECT DISTINCT model_key FROM " + Warehouse.qualified(Tables.PREDICTIONS),
        "no predictions for model ", "; run podium evaluate first (models with predictions: ");
  }

  private List<String> benchmarks(List<String> requested) {
    return present(requested, "SELECT DISTINCT benchmark FROM " + Warehouse.qualified(Tables.BENCHMARK_DOCS),
        "benchmark ", " is not ingested; run podium ingest first (ingested: ");
  }

  /** The requested values (all present ones if none), failing on one the query does not return. */
  private List<String> present(List<String> requested, String distinctQuery, String before, String after) {
    List<String> present = spark.sql(distinctQuery).collectAsList().stream().map(r -> r.getString(0)).sorted()
        .toList();
    if (requested == null || requested.isEmpty()) {
      return present;
    }
    List<String> unknown = requested.stream().filter(v -> !present.contains(v)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(before + String.join(", ", unknown) + after + present + ")");
    }
    return List.copyOf(requested);
  }

  private static String scope(List<String> models, List<String> benchmarks) {
    return "t.model_key IN (" + SqlLiterals.list(models) + ") AND t.benchmark IN (" + SqlLiterals.list(benchmarks)
        + ")";
  }

  private static String[] columns(Table table) {
    return java.util.Arrays.stream(table.schema().fieldNames()).map(c -> "`" + c + "`").toArray(String[]::new);
  }

  /** Gaps grouped by model, for reports: model -> "benchmark/subtask (k of n docs: reason)". */
  public static Map<String, List<String>> gapsByModel(List<Gap> gaps) {
    Map<String, List<String>> byModel = new TreeMap<>();
    for (Gap g : gaps) {
      byModel.computeIfAbsent(g.modelKey(), k -> new ArrayList<>()).add(g.benchmark() + "/" + g.subtask() + " ("
          + g.incompleteDocs() + " of " + g.docs() + " docs incomplete, e.g. " + g.exampleReason() + ")");
    }
    return byModel;
  }

  /** The harness's aggregates from exact sums. */
  static final class TaskAggregates {

    private TaskAggregates() {}

    /** {@code sum / units}, correctly rounded. */
    static double mean(BigDecimal sum, long units) {
      return sum.divide(BigDecimal.valueOf(units), MathContext.DECIMAL128).doubleValue();
    }

    /**
     * The harness's {@code mean_stderr}: {@code sample_stddev(x) / sqrt(n)} with the n - 1
     * denominator; null when n < 2, where the harness has no finite value.
     */
    static Double meanStderr(BigDecimal sum, BigDecimal squares, long n) {
      if (n < 2) {
        return null;
      }
      BigDecimal bn = BigDecimal.valueOf(n);
      BigDecimal centered = squares.subtract(sum.multiply(sum).divide(bn, MathContext.DECIMAL128));
      double variance = centered.divide(BigDecimal.valueOf(n - 1), MathContext.DECIMAL128).doubleValue();
      return Math.sqrt(Math.max(0, variance) / n);
    }
  }
}
