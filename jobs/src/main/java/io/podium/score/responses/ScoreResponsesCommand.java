package io.podium.score.responses;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.scoring.ifeval.IfEvalScorer;
import io.podium.scoring.math.MathEquivalence;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code podium score-responses}: scores responses generated elsewhere, from files, without
 * Spark. IFEval writes the reference tool's two result files; MATH writes one verdict line per
 * response. Exit code 3 when a response line matched nothing or a prompt had no response.
 */
public final class ScoreResponsesCommand implements Command {

  @Override
  public String name() {
    return "score-responses";
  }

  @Override
  public String summary() {
    return "score responses generated elsewhere (IFEval, MATH) from files, as the leaderboard did";
  }

  @Override
  public String usage() {
    return "--benchmark ifeval --input RESPONSES.jsonl --prompts input_data.jsonl --output DIR\n"
        + "       podium score-responses --benchmark math_hard --input RESPONSES.jsonl --docs test.jsonl --output FILE"
        + " [--math-method " + MathEquivalence.ids("|", "|") + "]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("benchmark", "NAME", "ifeval or math_hard (required)"),
        Option.value("input", "FILE", "the responses, JSON Lines: {prompt, response} (IFEval) or"
            + " {idx or problem, response} (MATH) (required)"),
        Option.value("prompts", "FILE", "IFEval prompts: {key, prompt, instruction_id_list, kwargs} lines"),
        Option.value("docs", "FILE", "MATH records: {problem, solution[, idx]} lines"),
        Option.value("output", "DIR|FILE", "IFEval: folder for eval_results_{strict,loose}.jsonl; MATH: the"
            + " verdicts file (required)"),
        Option.value("math-method", "METHOD", "leaderboard_fork (default, as the harness fork the 2024"
            + " leaderboard ran), sympy_2024 (upstream harness of 2024) or corrected"));
  }

  @Override
  public void validate(ParsedArgs args) {
    String benchmark = required(args, "benchmark");
    required(args, "input");
    required(args, "output");
    switch (benchmark) {
      case "ifeval" -> required(args, "prompts");
      case "math_hard" -> {
        required(args, "docs");
        method(args.get("math-method", MathEquivalence.DEFAULT.id()));
      }
      default -> throw new UsageException("podium score-responses: --benchmark must be ifeval or math_hard, not '"
          + benchmark + "'");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    Path input = Path.of(args.get("input"));
    Path output = Path.of(args.get("output"));
    return switch (args.get("benchmark")) {
      case "ifeval" -> ifeval(input, Path.of(args.get("prompts")), output, context);
      default -> math(input, Path.of(args.get("docs")), output,
          method(args.get("math-method", MathEquivalence.DEFAULT.id())), context);
    };
  }

  private static int ifeval(Path input, Path prompts, Path output, CommandContext context) throws Exception {
    IfEvalResponses.Report r = IfEvalResponses.score(input, prompts, output);
    PrintStream out = context.out();
    r.warnings().forEach(w -> context.err().println("warning: " + w));
    out.printf("IFEval: %d responses scored against %s in %.2f s (%.0f responses/s)%n", r.strict().prompts(),
        prompts, r.seconds(), r.strict().prompts() / r.seconds());
    out.println("strict: " + r.strict().describe() + " -> " + r.strictFile());
    out.println("loose:  " + r.loose().describe() + " -> " + r.looseFile());
    out.println("sentence model: " + IfEvalScorer.sentenceModel());
    out.printf("strict prompt-level %s, instruction-level %s; loose prompt-level %s, instruction-level %s%n",
        r.strict().promptLevel(), r.strict().instructionLevel(), r.loose().promptLevel(),
        r.loose().instructionLevel());
    int unanswered = r.unanswered().size();
    if (unanswered > 0) {
      context.err().println(unanswered + " prompt(s) of " + prompts + " have no response and are not scored: keys "
          + r.unanswered().stream().limit(20).map(p -> String.valueOf(p.key())).toList()
          + (unanswered > 20 ? " ..." : ""));
    }
    return reportUnmatched(r.unmatched(), "its prompt matches no prompt in " + prompts, context) || unanswered > 0
        ? 3 : 0;
  }

  private static int math(Path input, Path docs, Path output, MathEquivalence method, CommandContext context)
      throws Exception {
    MathResponses.Report r = MathResponses.score(input, docs, output, method);
    r.warnings().forEach(w -> context.err().println("warning: " + w));
    context.out().printf("MATH (%s): exact_match %.4f (%d/%d) in %.2f s (%.0f responses/s) -> %s%n",
        method.id(), r.accuracy(), r.correct(), r.scored(), r.seconds(), r.scored() / r.seconds(), r.output());
    return reportUnmatched(r.unmatched(), "its idx or problem matches no record in " + docs, context) ? 3 : 0;
  }

  private static boolean reportUnmatched(List<JsonLines.Line> unmatched, String what, CommandContext context) {
    for (JsonLines.Line line : unmatched) {
      context.err().println(line.where() + ": " + what + "; it is not scored");
    }
    return !unmatched.isEmpty();
  }

  private static MathEquivalence method(String id) throws UsageException {
    try {
      return MathEquivalence.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--math-method: " + e.getMessage());
    }
  }

  private static String required(ParsedArgs args, String option) throws UsageException {
    String value = args.get(option);
    if (value == null) {
      throw new UsageException("podium score-responses: --" + option + " is required; see --help");
    }
    return value;
  }
}
