package io.podium.score.responses;

import io.podium.python.PyJson;
import io.podium.scoring.ifeval.IfEvalPrompt;
import io.podium.scoring.ifeval.IfEvalScorer;
import io.podium.scoring.ifeval.IfEvalVerdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IFEval responses generated elsewhere, scored like Google's reference tool
 * ({@code evaluation_main --input_data --input_response_data --output_dir}): reads its input
 * ({@code key, prompt, instruction_id_list, kwargs}) and response ({@code prompt, response})
 * files and writes {@code eval_results_strict.jsonl} and {@code eval_results_loose.jsonl} in
 * its output format, one line per prompt in the prompts file's order.
 */
final class IfEvalResponses {

  /** What a run found. */
  record Report(Accuracy strict, Accuracy loose, List<String> warnings, List<JsonLines.Line> unmatched,
      List<IfEvalPrompt> unanswered, Path strictFile, Path looseFile, double seconds) {}

  private IfEvalResponses() {}

  static Report score(Path responses, Path promptsFile, Path outputDir) throws IOException {
    List<IfEvalPrompt> prompts = new ArrayList<>();
    for (JsonLines.Line line : JsonLines.read(promptsFile)) {
      prompts.add(prompt(line));
    }
    PromptMatcher.Result<IfEvalPrompt> matched = new PromptMatcher<IfEvalPrompt>(prompts, IfEvalPrompt::prompt,
        p -> "key " + p.key()).match(JsonLines.read(responses), "prompt");

    long started = System.nanoTime();
    Files.createDirectories(outputDir);
    Path strictFile = outputDir.resolve("eval_results_strict.jsonl");
    Path looseFile = outputDir.resolve("eval_results_loose.jsonl");
    Accuracy strict = new Accuracy(0, 0, 0, 0);
    Accuracy loose = new Accuracy(0, 0, 0, 0);
    try (BufferedWriter s = Files.newBufferedWriter(strictFile, StandardCharsets.UTF_8);
        BufferedWriter l = Files.newBufferedWriter(looseFile, StandardCharsets.UTF_8)) {
      for (PromptMatcher.Pair<IfEvalPrompt> pair : matched.pairs()) {
        IfEvalPrompt prompt = pair.record();
        String response = pair.line().string("response");
        IfEvalVerdict verdict;
        try {
          verdict = IfEvalScorer.score(prompt, response);
        } catch (RuntimeException e) {
          throw new IllegalArgumentException(pair.line().where() + " (key " + prompt.key() + "): " + e.getMessage(), e);
        }
        strict = strict.add(verdict.followAllStrict(), followed(verdict.strict()), verdict.strict().size());
        loose = loose.add(verdict.followAllLoose(), followed(verdict.loose()), verdict.loose().size());
        s.write(PyJson.dumps(output(prompt, response, verdict.followAllStrict(), verdict.strict())));
        s.write('\n');
        l.write(PyJson.dumps(output(prompt, response, verdict.followAllLoose(), verdict.loose())));
        l.write('\n');
      }
    }
    return new Report(strict, loose, matched.warnings(), matched.unmatched(), matched.unanswered(), strictFile,
        looseFile, (System.nanoTime() - started) / 1e9);
  }

  /** A line of the reference's output, fields in its order. */
  private static Map<String, Object> output(IfEvalPrompt prompt, String response, boolean all, List<Boolean> each) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("instruction_id_list", prompt.instructionIds());
    o.put("prompt", prompt.prompt());
    o.put("response", response);
    o.put("follow_all_instructions", all);
    o.put("follow_instruction_list", each);
    return o;
  }

  private static int followed(List<Boolean> verdicts) {
    return (int) verdicts.stream().filter(Boolean::booleanValue).count();
  }

  private static IfEvalPrompt prompt(JsonLines.Line line) {
    try {
      return IfEvalPrompt.fromRecord(line.record());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(line.where() + ": " + e.getMessage(), e);
    }
  }
}
