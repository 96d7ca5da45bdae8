package io.podium.leaderboard.exporter;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import java.nio.file.Path;
import java.util.List;

/** {@code podium export-harness --model KEY --out DIR}: a model's results as lm-eval writes them. */
public final class ExportHarnessCommand implements Command {

  @Override
  public String name() {
    return "export-harness";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "write a model's results as lm-evaluation-harness does: results_<date>.json and samples_<task>_<date>.jsonl";
  }

  @Override
  public String usage() {
    return "--model KEY --out DIR";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("model", "KEY", "the model key (id@revision#precision), as task_scores has it"),
        Option.value("out", "DIR", "the output path, as lm_eval's --output_path: files go to DIR/<model_name_sanitized>/"));
  }

  @Override
  public void validate(ParsedArgs args) {
    for (String required : List.of("model", "out")) {
      if (!args.has(required)) {
        throw new UsageException("podium export-harness: --" + required + " is required (" + usage() + ")");
      }
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    HarnessExport.Exported e = new HarnessExport(context.spark(), PodiumConf.benchmarks())
        .run(args.get("model"), Path.of(args.get("out")));
    context.out().printf("wrote %s (%d tasks)%n", e.results(), e.tasks());
    for (Path samples : e.samples()) {
      context.out().printf("wrote %s%n", samples);
    }
    return 0;
  }
}
