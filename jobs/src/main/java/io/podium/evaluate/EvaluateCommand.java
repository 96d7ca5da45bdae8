package io.podium.evaluate;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.models.Backends;
import io.podium.models.ModelFailure;
import io.podium.models.ModelSpec;
import io.podium.requests.ModelTemplates;
import io.podium.submissions.ClaimIds;
import io.podium.submissions.SubmissionQueue;
import io.podium.submissions.SubmissionRules;
import io.podium.tasks.chat.ChatTemplate;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code podium evaluate}: a model over the requests → predictions. */
public final class EvaluateCommand implements Command {

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "run a model over the requests inside Spark tasks and write predictions (resumable)";
  }

  @Override
  public String usage() {
    return "--model builtin:NAME|DIR|s3a://...|conf/models/NAME.yaml | --submission MODEL_KEY --claim-id ID"
        + " [--benchmarks LIST] [--limit N]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("model", "SPEC", "a model file conf/models/*.yaml (backend: " + String.join(", ", Backends.names())
            + "), builtin:NAME (e.g. builtin:tiny-gpt) or an ONNX export folder (local or s3a://, optionally onnx:URI)"),
        Option.value("submission", "MODEL_KEY", "a claimed submission (see podium claim): evaluates its model and"
            + " marks it FINISHED, or FAILED with the reason"),
        Option.value("claim-id", "ID", "with --submission: the claim that holds it (podium claim prints it); a"
            + " submission not RUNNING under this claim is refused"),
        Option.repeated("benchmarks", "LIST", "comma-separated benchmarks (default: all ingested)"),
        Option.value("limit", "N", "only the first N documents of each subtask"),
        Option.value("shards-per-chunk", "N", "shards per committed chunk (default " + EvaluateJob.Options.DEFAULT_SHARDS_PER_CHUNK + ")"),
        Option.value("max-chunks", "N", "stop after N chunks (the run is then incomplete; run again to resume)"),
        Option.flag("allow-cpu", "let inference tasks that Spark gave a GPU run on the CPU when the GPU cannot be used"
            + " (default: they fail, naming the executor and the GPU)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if ((args.get("model") == null) == (args.get("submission") == null)) {
      throw new UsageException("podium evaluate: give --model (e.g. --model builtin:tiny-gpt) or --submission KEY");
    }
    if ((args.get("submission") == null) != (args.get("claim-id") == null)) {
      throw new UsageException("podium evaluate: --submission and --claim-id go together (the claim that holds the"
          + " submission, as podium claim printed it)");
    }
    if (args.get("claim-id") != null) {
      try {
        ClaimIds.check(args.get("claim-id"));
      } catch (IllegalArgumentException e) {
        throw new UsageException("podium evaluate: --claim-id: " + e.getMessage());
      }
    }
    if (args.getInt("shards-per-chunk", EvaluateJob.Options.DEFAULT_SHARDS_PER_CHUNK) < 1) {
      throw new UsageException("--shards-per-chunk must be at least 1");
    }
    args.getInt("limit", 0);
    args.getInt("max-chunks", 0);
    if (args.get("model") != null) {
      model(args.get("model"));
    }
  }

  /**
   * The model of {@code --model}, checked as far as it can be without Spark: a built-in model's
   * name, a model file's fields, a backend's URI and options (a usage error, exit code 2).
   */
  private static ModelSpec model(String spec) {
    try {
      return ModelSpec.parse(spec);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new UsageException("podium evaluate: --model " + spec + ": " + e.getMessage());
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String submission = args.get("submission");
    if (submission != null) {
      return evaluateSubmission(submission, args.get("claim-id"), args, context);
    }
    return evaluate(model(args.get("model")), args, context);
  }

  /**
   * Evaluates a submission's model and records how it ended in the queue, only while this claim
   * holds it (RUNNING under {@code claimId}): a retry after a crash resumes, a retry after the
   * submission ended is refused and changes nothing.
   */
  private int evaluateSubmission(String modelKey, String claimId, ParsedArgs args, CommandContext context)
      throws Exception {
    SubmissionQueue queue = new SubmissionQueue(context.spark(), SubmissionRules.shipped());
    Row row = queue.requireHeld(modelKey, claimId);
    try {
      ModelSpec spec = SubmissionQueue.request(row).toSpec();
      int code = evaluate(spec, args, context);
      if (code == 0) {
        queue.finish(modelKey, claimId);
      }
      return code;
    } catch (Exception e) {
      queue.fail(modelKey, claimId, rootMessage(e));
      throw e;
    }
  }

  private int evaluate(ModelSpec spec, ParsedArgs args, CommandContext context) throws Exception {
    int perChunk = args.getInt("shards-per-chunk", EvaluateJob.Options.DEFAULT_SHARDS_PER_CHUNK);
    Integer limit = args.has("limit") ? args.getInt("limit", 0) : null;
    Integer maxChunks = args.has("max-chunks") ? args.getInt("max-chunks", 0) : null;
    // On the driver, before any Spark work: the model is there (its files, its endpoint), and a
    // model that asks for a chat template it does not have, or one that does not parse, is refused.
    org.apache.hadoop.conf.Configuration hadoop = context.spark().sparkContext().hadoopConfiguration();
    spec.engine().checkExists(spec, hadoop);
    ChatTemplate template = ModelTemplates.forModel(spec, hadoop);
    EvaluateJob.Summary s;
    try {
      s = new EvaluateJob(context.spark(), PodiumConf.benchmarks(), context.warehouse().root(), context.out())
          .run(new EvaluateJob.Options(spec, template, args.getList("benchmarks"), limit, perChunk, maxChunks,
              args.has("allow-cpu")));
    } catch (Exception e) {
      // Spark wraps a task's error (thrown undeclared from Scala); show the task's own message.
      throw new IllegalStateException("evaluate " + spec.modelKey() + " failed, the run is not complete: "
          + rootMessage(e), e);
    }
    context.out().printf("%s %s: %d requests (%d computed now, %d done before), %d tokens, %.1f s, device %s;"
        + " %d inference attempt(s) lost, %d request(s) computed again%n",
        s.complete() ? "complete" : "INCOMPLETE", s.modelKey(), s.total(), s.computed(), s.alreadyDone(), s.tokens(),
        s.seconds(), s.devices(), s.lostAttempts(), s.recomputed());
    return s.complete() ? 0 : 3;
  }

  /** What to tell of a failure: a model call's own one line, else a task's own error, not Spark's wrapping. */
  static String rootMessage(Throwable e) {
    return ModelFailure.messageOf(e);
  }
}
