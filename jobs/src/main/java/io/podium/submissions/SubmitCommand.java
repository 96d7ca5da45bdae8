package io.podium.submissions;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code podium submit}: a model into the queue (PENDING). */
public final class SubmitCommand implements Command {

  @Override
  public String name() {
    return "submit";
  }

  @Override
  public String summary() {
    return "submit a model for evaluation: validated, deduplicated, within the submitter's quota (PENDING)";
  }

  @Override
  public String usage() {
    return "--model ORG/NAME --revision REV --precision P --backend onnx|openai|builtin --uri URI"
        + " [--chat-template] [--submitter NAME] [--check]"
        + " [--type T] [--params B] [--architecture A] [--license L] [--base-model ORG/NAME] [--merged] [--moe]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("model", "ORG/NAME", "the model id (required)"),
        Option.value("revision", "REV", "the fixed revision to evaluate: a commit or a tag that never moves (required)"),
        Option.value("precision", "P", "float32, float16, bfloat16, 8bit or 4bit (required)"),
        Option.value("backend", "B", "onnx (an Optimum export folder), openai (an endpoint) or builtin (required)"),
        Option.value("uri", "URI", "the export folder (local or s3a://), the endpoint, or the built-in model's name"
            + " (required)"),
        Option.flag("chat-template", "evaluate with the model's chat template"),
        Option.value("submitter", "NAME", "who submits (the quota counts per submitter)"),
        Option.flag("check", "check that the model folder or endpoint is reachable before queueing"),
        Option.value("type", "T", "the model's type, as the leaderboard's filter shows it: pretrained,"
            + " continuously-pretrained, fine-tuned, chat, merge or multimodal (conf/submissions.yaml)"),
        Option.value("params", "B", "parameters, in billions (e.g. 7.24)"),
        Option.value("architecture", "A", "the model class (e.g. LlamaForCausalLM)"),
        Option.value("license", "L", "the model's license (an SPDX id or the Hub's tag: apache-2.0, llama3.1, ...)"),
        Option.value("base-model", "ORG/NAME", "the model it was fine-tuned or merged from"),
        Option.flag("merged", "the model is a merge of other models"),
        Option.flag("moe", "the model is a mixture of experts"));
  }

  private static SubmissionRequest request(ParsedArgs args) {
    return new SubmissionRequest(args.get("model"), args.get("revision"), args.get("precision"), args.get("backend"),
        args.get("uri"), args.has("chat-template"), args.get("submitter"), card(args));
  }

  /** What the submitter says of the model. */
  private static ModelCard card(ParsedArgs args) {
    return new ModelCard(args.get("type"), args.get("architecture"), args.getDouble("params"), args.get("license"),
        args.get("base-model"), args.has("merged"), args.has("moe"));
  }

  @Override
  public void validate(ParsedArgs args) {
    for (String required : List.of("model", "revision", "precision", "backend", "uri")) {
      if (args.get(required) == null) {
        throw new UsageException("podium submit: --" + required + " is required; see --help");
      }
    }
    if (args.has("chat-template") && !"onnx".equals(args.get("backend"))) {
      // The queue reads a template from the export folder only; other backends name theirs in a model file.
      throw new UsageException("podium submit: --chat-template needs --backend onnx (the template is the"
          + " export folder's tokenizer_config.json); evaluate a " + args.get("backend") + " model with a chat"
          + " template through a model file with chat_template: true and chat_template_file: PATH");
    }
    try {
      SubmissionRules.shipped().validate(request(args));
    } catch (IllegalArgumentException e) {
      throw new UsageException("podium submit: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    SubmissionRequest request = request(args);
    SubmissionRules rules = SubmissionRules.shipped();
    if (args.has("check")) {
      ModelCheck.check(request, context.spark().sparkContext().hadoopConfiguration());
    }
    Row row = new SubmissionQueue(context.spark(), rules).submit(request);
    context.out().printf("submitted %s (%s), status %s%n", row.<String>getAs("model_key"),
        row.<String>getAs("submission_id"), row.<String>getAs("status"));
    return 0;
  }
}
