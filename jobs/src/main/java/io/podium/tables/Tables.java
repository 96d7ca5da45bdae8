package io.podium.tables;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.FloatType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import io.podium.conf.BenchmarkGroup;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Every table of the Podium warehouse: the one place where names, schemas and keys live. */
public final class Tables {

  private Tables() {}

  /** The database all tables are registered in. */
  /** The six benchmarks of the group's first release, whose columns every leaderboard table has had. */
  static final List<String> FIRST_RELEASE = List.of("ifeval", "bbh", "math_hard", "gpqa", "musr", "mmlu_pro");

  public static final String DATABASE = "podium";

  /** One row per benchmark document, as ingested from its source file. */
  public static final Table BENCHMARK_DOCS = new Table(
      "benchmark_docs",
      new StructType(new StructField[] {
          col("benchmark", StringType, false, "Podium benchmark: bbh, gpqa, ifeval, math_hard, mmlu_pro, musr"),
          col("subtask", StringType, false, "subtask within the benchmark, e.g. navigate"),
          col("task", StringType, false, "the harness task name, e.g. leaderboard_bbh_navigate"),
          col("doc_id", IntegerType, false, "position of the document in its subtask's test split (the harness doc_id)"),
          col("source_key", StringType, true, "the dataset's own id of the record, if it has one"),
          col("doc", StringType, false, "the document as the prompt templates see it (JSON, after process_docs)"),
          col("original", StringType, false, "the source record as read (JSON)"),
          col("target", StringType, true, "the gold target as doc_to_target renders it"),
          col("gold_index", IntegerType, true, "index of the gold choice (multiple-choice tasks)"),
          col("choices", createArrayType(StringType, true), true, "the choice strings (multiple-choice tasks)"),
          col("content_hash", StringType, false, "SHA-256 of doc and original; a change replaces the document"),
          col("shard", IntegerType, false, "deterministic hash of (benchmark, subtask, doc_id) modulo the shard count"),
          col("source_file", StringType, false, "file the record was read from"),
          col("source_line", LongType, false, "line (JSONL) or 1-based record number (JSON, Parquet, CSV) in source_file"),
          col("ingested_at", TimestampType, false, "when this version of the document was written"),
      }),
      List.of("benchmark", "subtask", "doc_id"),
      List.of());

  /** One row per model request, rendered as the harness renders it. */
  public static final Table REQUESTS = new Table(
      "requests",
      new StructType(new StructField[] {
          col("request_id", StringType, false,
              "hash of (benchmark, subtask, doc_id, request_index, task_version[, template])"),
          col("benchmark", StringType, false, "Podium benchmark"),
          col("subtask", StringType, false, "subtask within the benchmark"),
          col("task", StringType, false, "the harness task name"),
          col("task_version", StringType, false, "the harness task's metadata version"),
          added("template", StringType, "",
              "sha1 of the chat template the context went through (see chat_templates); '' for plain prompts"),
          col("doc_id", IntegerType, false, "the document (see benchmark_docs)"),
          col("request_index", IntegerType, false, "choice index (loglikelihood) or 0 (generate_until)"),
          col("request_type", StringType, false, "loglikelihood or generate_until"),
          col("context", StringType, false,
              "the prompt: description, few-shot examples, question (through the chat template, if any)"),
          col("continuation", StringType, true,
              "target delimiter + choice (loglikelihood); the choice alone under a chat template"),
          col("until", createArrayType(StringType, true), false, "stop sequences (generate_until)"),
          col("max_gen_toks", IntegerType, true, "generation limit in tokens (generate_until)"),
          col("shard", IntegerType, false, "the document's shard; all requests of a document share it"),
          col("request_hash", StringType, false, "SHA-256 of the rendered request; changes when its text changes"),
      }),
      List.of("request_id"),
      List.of("benchmark"));

  /** One row per input record that ingest could not accept. */
  public static final Table INGEST_REJECTS = new Table(
      "ingest_rejects",
      new StructType(new StructField[] {
          col("benchmark", StringType, false, "benchmark the file belongs to"),
          col("subtask", StringType, true, "subtask, when it could be told"),
          col("source_file", StringType, false, "the file"),
          col("line", LongType, false, "line (JSONL) or 1-based record number (JSON, Parquet, CSV)"),
          col("reason", StringType, false, "why the record was rejected"),
          col("record", StringType, true, "the record as read, cut to 1,000 characters"),
      }),
      List.of("source_file", "line"),
      List.of());

  /**
   * One row per few-shot example read from a dataset split (MMLU-Pro's validation split), in the
   * order the {@code first_n} sampler takes them, so that any job can render prompts again.
   * Examples defined in a task's YAML stay there.
   */
  public static final Table FEWSHOT_DOCS = new Table(
      "fewshot_docs",
      new StructType(new StructField[] {
          col("benchmark", StringType, false, "Podium benchmark"),
          col("subtask", StringType, false, "subtask within the benchmark"),
          col("fewshot_index", IntegerType, false, "position in the few-shot split (first_n takes 0, 1, ...)"),
          col("doc", StringType, false, "the example as the prompt templates see it (JSON, after process_docs)"),
      }),
      List.of("benchmark", "subtask", "fewshot_index"),
      List.of());

  /**
   * One row per chat template that requests were rendered through: every ingest renders the
   * requests of each template here again, so they follow the documents.
   */
  public static final Table CHAT_TEMPLATES = new Table(
      "chat_templates",
      new StructType(new StructField[] {
          col("template", StringType, false, "sha1 of the template text (the requests' template column)"),
          col("source", StringType, false, "where it was first read, e.g. a model folder's tokenizer_config.json"),
          col("tokenizer_config", StringType, false, "chat_template and special tokens, as tokenizer_config.json"),
          col("registered_at", TimestampType, false, "when requests were first rendered through it"),
      }),
      List.of("template"),
      List.of());

  /** One row per (model, request): the model's answer, written by evaluate. */
  public static final Table PREDICTIONS = new Table(
      "predictions",
      new StructType(new StructField[] {
          col("model_key", StringType, false, "model id @ revision # precision"),
          col("request_id", StringType, false, "the request (see requests)"),
          col("benchmark", StringType, false, "Podium benchmark"),
          col("subtask", StringType, false, "subtask within the benchmark"),
          col("doc_id", IntegerType, false, "the document"),
          col("request_index", IntegerType, false, "choice index (loglikelihood) or 0"),
          col("request_type", StringType, false, "loglikelihood or generate_until"),
          added("template", StringType, "", "the request's chat template sha1; '' for plain prompts"),
          col("loglikelihood", DoubleType, true, "sum of the continuation tokens' log-probabilities"),
          col("is_greedy", BooleanType, true, "whether the continuation is the model's greedy output"),
          col("continuation_tokens", IntegerType, true, "tokens in the continuation"),
          col("token_logprobs", createArrayType(FloatType, true), true, "log-probability of each continuation token"),
          col("context_tokens", IntegerType, true, "context tokens the model saw (after left truncation)"),
          col("generated_text", StringType, true, "generated text, cut before the first stop sequence"),
          col("generated_tokens", IntegerType, true, "tokens generated"),
          col("stop_reason", StringType, true, "the stop sequence, <eos> or max_gen_toks"),
          col("request_hash", StringType, false, "the request's hash when it was answered"),
          col("config_hash", StringType, false, "hash of the model configuration that answered"),
          col("run_id", StringType, false, "the evaluate run that wrote the row"),
          col("device", StringType, false, "where it ran: cpu or cuda:N"),
          col("latency_ms", DoubleType, false, "wall time of its batch divided by the batch's requests"),
          col("created_at", TimestampType, false, "when the row was written"),
          added("execution_provider", StringType, null,
              "what computed it: CUDAExecutionProvider or CPUExecutionProvider (ONNX Runtime), http, java"),
          added("gpu_address", StringType, null, "the GPU address Spark gave the inference task; null without one"),
          added("executor_id", StringType, null, "the Spark executor that ran the inference task (driver: local mode)"),
          added("task_attempt_id", LongType, null, "Spark's id of the inference task attempt that wrote the row"),
      }),
      List.of("model_key", "request_id"),
      List.of("model_key"));

  /** One row per (model, document, metric): the document's score and the evidence behind it. */
  public static final Table SAMPLE_SCORES = new Table(
      "sample_scores",
      new StructType(new StructField[] {
          col("model_key", StringType, false, "model id @ revision # precision"),
          col("benchmark", StringType, false, "Podium benchmark"),
          col("subtask", StringType, false, "subtask within the benchmark"),
          col("task", StringType, false, "the harness task name"),
          col("doc_id", IntegerType, false, "the document (see benchmark_docs)"),
          col("metric", StringType, false, "harness metric: acc, acc_norm, exact_match, prompt_level_strict_acc, ..."),
          col("method", StringType, false,
              "how it was computed: harness, google_ifeval[+podium_punkt] (IFEval), leaderboard_fork, sympy_2024 or corrected (MATH)"),
          col("value", DoubleType, false, "the document's metric value"),
          col("weight", IntegerType, false, "units the value stands for: instructions (IFEval inst_level), else 1"),
          col("chosen_index", IntegerType, true, "the choice the metric picked (multiple choice)"),
          col("gold_index", IntegerType, true, "the gold choice; -100 when the target is not a choice"),
          col("extracted_answer", StringType, true, "the answer taken from the response (MATH)"),
          col("normalized_answer", StringType, true, "the extracted answer, normalized (MATH)"),
          col("gold_answer", StringType, true, "the normalized gold answer (MATH)"),
          col("instruction_ids", createArrayType(StringType, true), true, "the instructions checked (IFEval)"),
          col("instruction_verdicts", createArrayType(BooleanType, true), true,
              "whether each instruction was followed (IFEval; strict or loose as the metric says)"),
          col("details", StringType, false, "JSON: log-likelihoods, normalized scores, ties"),
          col("score_hash", StringType, false, "SHA-256 of the row's content; an unchanged score is not rewritten"),
          col("scored_at", TimestampType, false, "when this score was written"),
      }),
      List.of("model_key", "benchmark", "subtask", "doc_id", "metric"),
      List.of("model_key"));

  /**
   * One row per (model, task, metric), for tasks whose every document is scored or was not
   * asked at all: the harness's aggregate over the scored documents and its standard error. A
   * task with fewer scored documents ({@code n}) than it has ({@code docs}) is partial: a
   * {@code --limit} or unfinished run, scored as what it is and never ranked.
   */
  public static final Table TASK_SCORES = new Table(
      "task_scores",
      new StructType(new StructField[] {
          col("model_key", StringType, false, "model id @ revision # precision"),
          col("benchmark", StringType, false, "Podium benchmark"),
          col("subtask", StringType, false, "subtask within the benchmark"),
          col("task", StringType, false, "the harness task name"),
          col("metric", StringType, false, "harness metric"),
          col("method", StringType, false, "how the metric was computed (see sample_scores)"),
          col("value", DoubleType, false, "the harness aggregate: mean over documents (over instructions for inst_level)"),
          col("stderr", DoubleType, true,
              "standard error as the harness reports it: sample std / sqrt(n); null where the harness gives N/A"),
          col("n", LongType, false, "documents scored"),
          col("units", LongType, false, "units averaged: documents, or instructions for inst_level metrics"),
          col("score_hash", StringType, false, "SHA-256 of the row's content; an unchanged score is not rewritten"),
          col("scored_at", TimestampType, false, "when this score was written"),
          added("docs", LongType, null, "documents the task has; n < docs is a partial score, over the documents"
              + " evaluated (a limited or unfinished run), never ranked; null in rows an older Podium wrote"),
      }),
      List.of("model_key", "benchmark", "subtask", "metric"),
      List.of());

  /**
   * The submission queue and who asked for which model, with what it is: one row per model key,
   * PENDING → RUNNING → FINISHED or FAILED (IMPORTED for imported harness results). Written by
   * {@code submit}, {@code claim}, {@code evaluate --submission} and {@code import-harness}; read
   * by the snapshot job for the model's metadata.
   */
  public static final Table SUBMISSIONS = new Table(
      "submissions",
      new StructType(new StructField[] {
          col("model_key", StringType, false, "model id @ revision # precision"),
          col("model_id", StringType, false, "e.g. org/name"),
          col("revision", StringType, false, "the revision evaluated (a commit, pinned at submission)"),
          col("precision", StringType, false, "float32, bfloat16, float16, ..."),
          col("backend", StringType, true, "onnx, openai, builtin, or harness (results imported)"),
          col("uri", StringType, true, "where the model is (no credentials)"),
          col("model_type", StringType, true, "pretrained, fine-tuned, chat, merge, ..."),
          col("architecture", StringType, true, "e.g. LlamaForCausalLM"),
          col("params_billions", DoubleType, true, "parameters, in billions"),
          col("license", StringType, true, "the model's license"),
          col("chat_template", BooleanType, true, "whether prompts went through the model's chat template"),
          col("submitter", StringType, true, "who submitted it"),
          col("submitted_at", TimestampType, false, "when it was submitted"),
          col("status", StringType, false, "PENDING, RUNNING, FINISHED, FAILED or IMPORTED"),
          col("reason", StringType, true, "why it FAILED"),
          col("submission_id", StringType, false, "unique id of this submission (a UUID)"),
          col("claimed_by", StringType, true, "the claim (a UUID) of the run that took it; one run per submission"),
          col("started_at", TimestampType, true, "when a run claimed it"),
          col("finished_at", TimestampType, true, "when it ended FINISHED or FAILED"),
          col("evaluation_seconds", DoubleType, true, "wall time of its evaluation, when known (harness results)"),
          col("source_file", StringType, true, "the results file it was imported from"),
          col("updated_at", TimestampType, false, "when the row last changed"),
          added("base_model", StringType, null, "the model it was fine-tuned or merged from (org/name)"),
          added("merged", BooleanType, null, "whether it is a merge of other models"),
          added("moe", BooleanType, null, "whether it is a mixture of experts"),
      }),
      List.of("model_key"),
      List.of());

  /**
   * The leaderboard's history: one row per (snapshot, model), appended by the snapshot job and
   * never changed. Snapshots form a chain, as Iceberg's do: each knows its parent and its
   * sequence number, and its id is a hash of its parent's id and its content, so the same
   * scores twice in a row give no new snapshot, while scores going A, B, A give three.
   */
  public static final Table LEADERBOARD = leaderboard(BenchmarkGroup.shipped());

  /**
   * The {@code leaderboard} table of a benchmark group: the snapshot's and model's columns, then
   * four per benchmark in the group's order ({@code B_raw}, {@code B}, {@code B_low},
   * {@code B_high}), then the model's metadata. A benchmark the group gains later adds its four
   * columns to existing warehouses (Warehouse.open); one it loses keeps its columns there, null
   * in later snapshots.
   */
  public static Table leaderboard(BenchmarkGroup group) {
    List<StructField> columns = new ArrayList<>(List.of(
        col("snapshot_id", StringType, false, "hash of the snapshot's content"),
        col("snapshot_time", TimestampType, false, "when the snapshot was taken"),
        col("inputs", StringType, false, "JSON: the Delta version of each input table"),
        col("math_method", StringType, false, "how MATH answers were compared: leaderboard_fork, sympy_2024, corrected, or imported"),
        col("coverage", StringType, false, "JSON: subtasks per benchmark the ranking is computed over"),
        col("model_key", StringType, false, "model id @ revision # precision"),
        col("model_id", StringType, false, "e.g. org/name"),
        col("revision", StringType, false, "the revision evaluated"),
        col("precision", StringType, false, "the precision evaluated"),
        col("ranked", BooleanType, false, "whether every benchmark of the group is complete, on the documents the"
            + " ranked models share (only then is it ranked)"),
        col("rank", IntegerType, true, "1 = best average; null when not ranked"),
        col("tied_with_next", BooleanType, true,
            "whether the next rank is statistically tied with this one (the 95% interval of the paired"
                + " difference of averages contains 0)"),
        col("missing", StringType, true, "why a model is not ranked: what it lacks (e.g. bbh/navigate, mmlu_pro), or"
            + " the other documents it was scored on (e.g. bbh on 34 documents, the ranked models on 5761)"),
        col("average", DoubleType, true, "mean of the normalized scores of the group's benchmarks (0-100)"),
        col("average_low", DoubleType, true, "lower end of the 95% interval of the average"),
        col("average_high", DoubleType, true, "upper end of the 95% interval of the average")));
    for (BenchmarkGroup.Member b : group.benchmarks()) {
      columns.addAll(benchmarkColumns(b, FIRST_RELEASE.contains(b.benchmark())));
    }
    columns.addAll(List.of(
        col("model_type", StringType, true, "pretrained, fine-tuned, chat, merge, ..."),
        col("architecture", StringType, true, "e.g. LlamaForCausalLM"),
        col("params_billions", DoubleType, true, "parameters, in billions"),
        col("license", StringType, true, "the model's license"),
        col("chat_template", BooleanType, true, "whether the chat template was used"),
        col("submitted_at", TimestampType, true, "when the model was submitted"),
        col("gpu_seconds", DoubleType, true,
            "evaluation cost: GPU-seconds of its predictions (for imported results, the run's wall time)"),
        col("co2_kg", DoubleType, true, "CO2 estimate as the leaderboard computed it: hours x 5.6 kW x 269.8 g/kWh"),
        col("source", StringType, false, "podium (scored here) or harness (imported results)"),
        added("parent_id", StringType, null,
            "the snapshot this one follows (null for the first, and for snapshots taken before parents were kept)"),
        added("sequence_number", LongType, null,
            "1, 2, ... in commit order: the latest snapshot has the highest (null for snapshots taken before)"),
        added("documents", LongType, null,
            "documents the model's scores stand on, over the covered subtasks; models are ranked only on the"
                + " same documents (null in snapshots taken before)"),
        added("base_model", StringType, null, "the model it was fine-tuned or merged from, as submitted"),
        added("merged", BooleanType, null, "whether it is a merge of other models, as submitted"),
        added("moe", BooleanType, null, "whether it is a mixture of experts, as submitted")));
    return new Table("leaderboard", new StructType(columns.toArray(StructField[]::new)), List.of("snapshot_id", "model_key"),
        List.of());
  }

  private static List<StructField> benchmarkColumns(BenchmarkGroup.Member b, boolean firstRelease) {
    String name = b.benchmark();
    String shown = b.column();
    String[][] columns = {
        {name + "_raw", shown + ": raw score (0-1) as the leaderboard shows it"},
        {name, shown + ": normalized score (0-100)"},
        {name + "_low", shown + ": lower end of the 95% interval of the normalized score"},
        {name + "_high", shown + ": upper end of the 95% interval of the normalized score"}};
    List<StructField> out = new ArrayList<>();
    for (String[] c : columns) {
      out.add(firstRelease ? col(c[0], DoubleType, true, c[1]) : added(c[0], DoubleType, null, c[1]));
    }
    return out;
  }

  /** All tables, in the order they are created. */
  public static final List<Table> ALL = List.of(BENCHMARK_DOCS, REQUESTS, INGEST_REJECTS, FEWSHOT_DOCS,
      CHAT_TEMPLATES, PREDICTIONS, SAMPLE_SCORES,
      TASK_SCORES, SUBMISSIONS, LEADERBOARD);

  /** The group's benchmarks in the leaderboard's column order; each has four columns in {@link #LEADERBOARD}. */
  public static final List<String> LEADERBOARD_BENCHMARKS = BenchmarkGroup.shipped().names();

  private static StructField col(String name, org.apache.spark.sql.types.DataType type, boolean nullable, String comment) {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, nullable, metadata);
  }

  /**
   * A column added after the table's first release: nullable (Delta adds no NOT NULL column to
   * a table that has rows), and {@link io.podium.spark.Warehouse#open} fills it with
   * {@code fill} in the rows an older Podium wrote (null: they keep null, nothing was known).
   */
  private static StructField added(String name, org.apache.spark.sql.types.DataType type, String fill,
      String comment) {
    MetadataBuilder metadata = new MetadataBuilder().putString("comment", comment);
    if (fill != null) {
      metadata.putString(Table.FILL, fill);
    }
    return new StructField(name, type, true, metadata.build());
  }
}
