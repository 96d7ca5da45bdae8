package io.podium.pipeline;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.submissions.SubmissionQueue;
import io.podium.submissions.SubmissionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code podium run-pipeline}: the steps of {@code conf/pipeline.yaml} in one Spark application:
 * ingest (when the source changed), claim the pending submissions, evaluate each, score,
 * snapshot. A model that fails ends FAILED with its reason and does not stop the others; the
 * snapshot holds only finished models.
 */
public final class RunPipelineCommand implements Command {

  @Override
  public String name() {
    return "run-pipeline";
  }

  @Override
  public String summary() {
    return "run the pipeline of conf/pipeline.yaml: ingest if changed, claim, evaluate each, score, snapshot";
  }

  @Override
  public String usage() {
    return "--source DIR|s3a://... [--limit N]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("source", "DIR|URI", "the benchmark source to ingest (required)"),
        Option.value("limit", "N", "claim at most N pending submissions (default: all)"));
  }

  @Override
  public void validate(ParsedArgs args) {
    if (args.get("source") == null) {
      throw new UsageException("podium run-pipeline: --source is required");
    }
    if (args.getInt("limit", 1) < 1) {
      throw new UsageException("podium run-pipeline: --limit must be at least 1");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String source = args.get("source");
    int limit = args.getInt("limit", Integer.MAX_VALUE);
    PipelineDefinition pipeline = PipelineDefinition.shipped();
    String claimId = SubmissionQueue.newClaimId();
    List<String> claimed = List.of();
    List<String> failed = new ArrayList<>();
    for (PipelineDefinition.Step step : pipeline.steps()) {
      context.out().println("== " + step.name());
      if (step.command().equals("claim")) {
        claimed = new SubmissionQueue(context.spark(), SubmissionRules.shipped()).claim(claimId, limit);
        context.out().println("claimed " + claimed.size() + " submission(s) under claim " + claimId
            + (claimed.isEmpty() ? "" : ": " + String.join(", ", claimed)));
        continue;
      }
      if (step.perSubmission()) {
        for (String key : claimed) {
          if (run(step.commandLine(Map.of("source", source, "model_key", key, "claim_id", claimId)), context) != 0) {
            failed.add(key);
          }
        }
        continue;
      }
      int code = run(step.commandLine(Map.of("source", source)), context);
      if (code != 0) {
        context.err().println("run-pipeline: step " + step.name() + " failed (exit " + code + "); stopping");
        return 1;
      }
    }
    context.out().printf("pipeline done: %d evaluated, %d failed%s%n", claimed.size() - failed.size(), failed.size(),
        failed.isEmpty() ? "" : " (" + String.join(", ", failed) + "; see podium submissions)");
    return 0;
  }

  /** One step in this JVM, on the same session and warehouse. */
  private static int run(List<String> commandLine, CommandContext context) {
    List<String> argv = new ArrayList<>(commandLine);
    argv.add("--warehouse");
    argv.add(context.warehouse().root());
    return context.run(argv);
  }
}
