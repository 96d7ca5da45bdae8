package io.podium.evaluate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.podium.models.ModelSpec;
import io.podium.requests.ChatTemplates;
import io.podium.requests.Renderers;
import io.podium.requests.RequestWriter;
import io.podium.spark.CommitRetry;
import io.podium.spark.DeltaMerge;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Json;
import io.podium.tables.Tables;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.chat.ChatTemplate;
import io.podium.tasks.chat.ChatTemplateException;
import io.podium.udf.HadoopModelFolders;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The evaluate job: runs one model over the requests, inside Spark tasks, and writes
 * {@code predictions}, each exactly once.
 *
 * <ul>
 *   <li>Resume: requests already answered for this model key and configuration hash (and
 *       unchanged since) are skipped.
 *   <li>Chunks: pending requests are processed a group of shards at a time; each chunk is one
 *       atomic Delta MERGE keyed on (model_key, request_id), so a driver crash loses at most the
 *       chunk in flight, and task retries, speculative tasks and re-runs never write a row twice.
 *       Rows of one model live in their own partition, so runs for other models don't conflict;
 *       a commit that lost a race with a concurrent writer is retried ({@link CommitRetry}).
 *   <li>Executors: a chunk's predictions are staged as files under the warehouse
 *       ({@link ChunkStaging}) before their MERGE, so losing an executor costs at most the
 *       inference tasks it was running, which Spark runs again elsewhere.
 *   <li>GPUs: only the inference stage asks for one, one per task ({@link InferenceStage}).
 * </ul>
 */
public final class EvaluateJob {

  /**
   * What to evaluate.
   *
   * @param template the model's chat template (read on the driver beforehand), or null for plain prompts
   * @param allowCpu whether inference tasks given a GPU may run on the CPU when the GPU cannot be
   *     used (otherwise they fail, naming the executor and the GPU); the model file's
   *     {@code allow_cpu} allows it too
   */
  public record Options(ModelSpec spec, ChatTemplate template, List<String> benchmarks, Integer limit,
      int shardsPerChunk, Integer maxChunks, boolean allowCpu) {
    /**
     * Shards per committed chunk unless told: 8 of ingest's 64 shards, so a run commits in eight
     * steps and a crash loses at most an eighth of it.
     */
    public static final int DEFAULT_SHARDS_PER_CHUNK = 8;

    public Options(ModelSpec spec, ChatTemplate template, List<String> benchmarks, Integer limit, int shardsPerChunk,
        Integer maxChunks) {
      this(spec, template, benchmarks, limit, shardsPerChunk, maxChunks, false);
    }
  }

  /**
   * What a run did.
   *
   * @param lostAttempts inference task attempts that did not finish (executor lost, task failed)
   * @param recomputed requests computed again because of them
   */
  public record Summary(String modelKey, String runId, long total, long alreadyDone, long computed, long tokens,
      double seconds, double planSeconds, String devices, boolean complete, long lostAttempts, long recomputed) {}

  private final SparkSession spark;
  private final Map<String, TaskDefinition> definitions;
  private final String warehouseRoot;
  private final PrintStream out;

  /** @param warehouseRoot the warehouse's root (its {@code _staging} folder holds chunks before their commit) */
  public EvaluateJob(SparkSession spark, Map<String, TaskDefinition> definitions, String warehouseRoot,
      PrintStream out) {
    this.spark = spark;
    this.definitions = definitions;
    this.warehouseRoot = warehouseRoot;
    this.out = out;
  }

  public Summary run(Options options) {
    long started = System.nanoTime();
    ModelSpec spec = options.spec();
    String modelKey = spec.modelKey();
    String configHash = spec.configHash();
    String runId = UUID.randomUUID().toString();
    String template = options.template() == null ? "" : options.template().sha1();
    if (options.template() != null) {
      renderThroughTemplate(modelKey, options.template(), options.benchmarks());
    }
    replaceOtherPromptFormats(modelKey, template);

    Dataset<Row> requests = spark.table(Warehouse.qualified(Tables.REQUESTS))
        .where(col("template").equalTo(template));
    if (options.benchmarks() != null && !options.benchmarks().isEmpty()) {
      requests = requests.where(col("benchmark").isin(options.benchmarks().toArray()));
    }
    if (options.limit() != null) {
      requests = requests.where(col("doc_id").lt(options.limit()));
    }
    Dataset<Row> done = spark.table(Warehouse.qualified(Tables.PREDICTIONS))
        .where(col("model_key").equalTo(modelKey).and(col("config_hash").equalTo(configHash)))
        .select(col("request_id").as("done_id"), col("request_hash").as("done_hash"));
    Dataset<Row> pending = requests.join(done,
        requests.col("request_id").equalTo(done.col("done_id")).and(requests.col("request_hash")
            .equalTo(done.col("done_hash"))), "left_anti");

    long total = requests.count();
    List<Integer> shards = new ArrayList<>();
    Map<Integer, RunEta.Work> work = new HashMap<>();
    long pendingCount = 0;
    Column promptChars = functions.length(col("context"))
        .plus(functions.coalesce(functions.length(col("continuation")), lit(0)));
    for (Row r : pending.groupBy("shard")
        .agg(functions.count(lit(1)), functions.sum(promptChars), functions.sum(functions.coalesce(col("max_gen_toks"), lit(0))))
        .orderBy("shard").collectAsList()) {
      shards.add(r.getInt(0));
      work.put(r.getInt(0), new RunEta.Work(r.getLong(1), r.getLong(2), r.getLong(3)));
      pendingCount += r.getLong(1);
    }
    RunEta timeLeft = new RunEta(work.values().stream().reduce(RunEta.Work.NONE, RunEta.Work::plus));
    long alreadyDone = total - pendingCount;
    out.printf("evaluate %s: %d requests, %d already answered, %d to compute in %d shard(s)%n",
        spec.describe(), total, alreadyDone, pendingCount, shards.size());

    double planSeconds = (System.nanoTime() - started) / 1e9;
    ModelUpload upload = ModelUpload.forExecutors(spark, spec, warehouseRoot, runId);
    if (upload.copy() != null) {
      out.println("  model folder copied for the executors to " + upload.copy());
    }
    HadoopModelFolders folders = upload.folders(spec, HadoopModelFolders.from(spark.sparkContext().hadoopConfiguration()));
    InferenceStage stage = InferenceStage.plan(spark, spec.withAllowCpu(spec.allowCpu() || options.allowCpu()), folders,
        runId);
    ChunkStaging staging = new ChunkStaging(spark, warehouseRoot, runId);
    int orphans = staging.removeOrphans();
    if (orphans > 0) {
      out.printf("  removed the staging folders of %d crashed run(s)%n", orphans);
    }
    int chunks = (shards.size() + options.shardsPerChunk() - 1) / options.shardsPerChunk();
    if (chunks > 0) {
      out.println("  inference: " + stage.scheduling());
    }
    CommitRetry retry = CommitRetry.within(CommitRetry.timeout(spark), out::println);
    InferenceAttempts attempts = new InferenceAttempts(spark.sparkContext(), stage.rddName());
    spark.sparkContext().addSparkListener(attempts);
    long computed = 0;
    long tokens = 0;
    long lostAttempts = 0;
    long recomputed = 0;
    java.util.Set<String> devices = new java.util.TreeSet<>();
    boolean complete = true;
    try {
      for (int c = 0; c < chunks; c++) {
        if (options.maxChunks() != null && c >= options.maxChunks()) {
          complete = false;
          break;
        }
        List<Integer> chunkShards = shards.subList(c * options.shardsPerChunk(),
            Math.min(shards.size(), (c + 1) * options.shardsPerChunk()));
        // A document's requests stay in one partition (by shard) for prefix sharing; a few tasks
        // per core keep batches large and let the scheduler even out unequal shards.
        int partitions = Math.max(1, Math.min(chunkShards.size(), 4 * spark.sparkContext().defaultParallelism()));
        Dataset<Row> chunk = pending.where(col("shard").isin(chunkShards.toArray()))
            .repartition(partitions, col("shard"));
        // Inference runs once per chunk: its predictions are written to staging files under the
        // warehouse, which outlive any executor, and the MERGE reads them from there (a MERGE
        // over the inference itself would run the model again).
        Dataset<Row> rows = staging.write(c + 1, stage.predict(chunk)
            .select(predictionColumns(modelKey, template, configHash, runId, new Timestamp(System.currentTimeMillis()))));
        Row stats = rows.selectExpr("count(*)",
            "coalesce(sum(coalesce(context_tokens, 0) + coalesce(continuation_tokens, 0)), 0)",
            "coalesce(sum(coalesce(generated_tokens, 0)), 0)",
            "concat_ws(',', collect_set(device))").first();
        // One atomic commit per chunk; the literal model key keeps the MERGE inside the model's
        // partition. Keyed on (model_key, request_id), a MERGE run again after losing a race to a
        // concurrent writer (another run of the same model) can neither duplicate nor drop a row.
        DeltaMerge.upsert(spark, Tables.PREDICTIONS, rows, "t.config_hash <> s.config_hash OR t.request_hash <> s.request_hash",
            null, "t.model_key = " + SqlLiterals.string(modelKey), retry, "the commit of chunk " + (c + 1));
        staging.remove(c + 1);
        computed += stats.getLong(0);
        tokens += stats.getLong(1) + stats.getLong(2);
        timeLeft.chunkDone(chunkShards.stream().map(work::get).reduce(RunEta.Work.NONE, RunEta.Work::plus),
            stats.getLong(1), stats.getLong(2));
        if (!stats.getString(3).isEmpty()) {
          devices.addAll(List.of(stats.getString(3).split(",")));
        }
        attempts.drain();
        InferenceAttempts.Counts cost = attempts.takeChunk();
        lostAttempts += cost.lost();
        recomputed += cost.recomputed();
        double elapsed = (System.nanoTime() - started) / 1e9;
        out.printf("  chunk %d/%d: %d/%d requests done, %.0f tokens/s, ETA %s; %s%n", c + 1, chunks,
            alreadyDone + computed, total, tokens / Math.max(elapsed, 1e-9), eta(timeLeft.secondsLeft(elapsed)),
            cost.describe());
      }
      staging.removeRun();
    } finally {
      spark.sparkContext().removeSparkListener(attempts);
      upload.remove();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Summary(modelKey, runId, total, alreadyDone, computed, tokens, seconds, planSeconds,
        devices.isEmpty() ? "-" : String.join(",", devices), complete, lostAttempts, recomputed);
  }

  /**
   * The requests of the model's chat template, rendered from the ingested documents (once per
   * template: another model with the same template finds them unchanged, and nothing is
   * rewritten). The template is registered, so that every later ingest renders it again.
   */
  private void renderThroughTemplate(String modelKey, ChatTemplate template, List<String> benchmarks) {
    Renderers renderers = Renderers.fromWarehouse(spark, definitions, benchmarks == null ? List.of() : benchmarks);
    if (!renderers.missing().isEmpty()) {
      out.println("  not rendered through the template (few-shot examples not in fewshot_docs; run ingest again): "
          + String.join(", ", renderers.missing()));
    }
    Dataset<Row> docs = spark.table(Warehouse.qualified(Tables.BENCHMARK_DOCS));
    try {
      probe(template, renderers, docs);
    } catch (ChatTemplateException e) {
      throw e.in("model " + modelKey);
    }
    new ChatTemplates(spark).register(template);
    new RequestWriter(spark, definitions).write(docs, renderers.renderers(), template);
    out.printf("  requests rendered through chat template %s (sha1 %s)%n", template.source(), template.sha1());
  }

  /**
   * Renders the first document of each subtask on the driver, so that a template that cannot
   * render a conversation fails here, in one line, before any Spark task.
   */
  private void probe(ChatTemplate template, Renderers renderers, Dataset<Row> docs) {
    for (Row r : docs.groupBy("benchmark", "subtask").agg(functions.min_by(col("doc"), col("doc_id")).as("doc"))
        .collectAsList()) {
      PromptRenderer renderer = renderers.renderers().get(RequestWriter.key(r.getString(0), r.getString(1)));
      if (renderer != null) {
        try {
          renderer.requests(Json.parseObject(r.getString(2)), template);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("benchmark_docs holds invalid JSON for " + r.getString(0) + "/"
              + r.getString(1) + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * A model key has one prompt format at a time, as on the leaderboard: answers given with
   * another one (plain prompts, or another template) are removed before this run, and said so.
   */
  private void replaceOtherPromptFormats(String modelKey, String template) {
    String where = "model_key = " + SqlLiterals.string(modelKey) + " AND template <> " + SqlLiterals.string(template);
    long other = spark.table(Warehouse.qualified(Tables.PREDICTIONS)).where(where).count();
    if (other > 0) {
      out.printf("  %d predictions of %s were made with another prompt format (%s); they are replaced%n", other,
          modelKey, template.isEmpty() ? "a chat template" : "plain prompts or another template");
      CommitRetry.within(CommitRetry.timeout(spark), out::println).run("removing them",
          () -> spark.sql("DELETE FROM " + Warehouse.qualified(Tables.PREDICTIONS) + " WHERE " + where));
    }
  }

  private static Column[] predictionColumns(String modelKey, String template, String configHash, String runId,
      Timestamp now) {
    return new Column[] {
        lit(modelKey).as("model_key"),
        col("requestId").as("request_id"),
        col("benchmark"),
        col("subtask"),
        col("docId").as("doc_id"),
        col("requestIndex").as("request_index"),
        col("requestType").as("request_type"),
        lit(template).as("template"),
        col("loglikelihood"),
        col("isGreedy").as("is_greedy"),
        col("continuationTokens").as("continuation_tokens"),
        col("tokenLogprobs").as("token_logprobs"),
        col("contextTokens").as("context_tokens"),
        col("generatedText").as("generated_text"),
        col("generatedTokens").as("generated_tokens"),
        col("stopReason").as("stop_reason"),
        col("requestHash").as("request_hash"),
        lit(configHash).as("config_hash"),
        lit(runId).as("run_id"),
        col("device"),
        col("latencyMs").as("latency_ms"),
        lit(now).as("created_at"),
        col("executionProvider").as("execution_provider"),
        col("gpuAddress").as("gpu_address"),
        col("executorId").as("executor_id"),
        col("taskAttemptId").as("task_attempt_id"),
    };
  }

  static String eta(double seconds) {
    if (Double.isNaN(seconds)) {
      return "unknown (no tokens counted yet)";
    }
    if (seconds < 60) {
      return String.format("%.0fs", seconds);
    }
    return String.format("%dm%02ds", (long) seconds / 60, (long) seconds % 60);
  }
}
