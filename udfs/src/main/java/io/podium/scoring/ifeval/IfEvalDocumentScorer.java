package io.podium.scoring.ifeval;

import io.podium.scoring.DocumentScore;
import io.podium.scoring.DocumentScorer;
import io.podium.scoring.SampleScore;
import io.podium.scoring.ifeval.text.PunktParameters;
import io.podium.scoring.ScoringInput;
import java.util.ArrayList;
import java.util.List;

/**
 * IFEval's four metrics for one generation ({@code process_results} of the harness's
 * {@code leaderboard_ifeval}): prompt level (all instructions followed) and instruction level
 * (each instruction), strict and loose.
 */
public final class IfEvalDocumentScorer implements DocumentScorer {

  /** The metrics this scorer knows. */
  public static final List<String> METRICS = List.of(
      "prompt_level_strict_acc", "inst_level_strict_acc", "prompt_level_loose_acc", "inst_level_loose_acc");

  /**
   * The method recorded with the scores: the reference's checks, with nltk's English sentence
   * model ({@code google_ifeval}) or Podium's approximation of it ({@code google_ifeval+podium_punkt}).
   */
  static String method() {
    return IfEvalScorer.sentenceModel().equals(PunktParameters.BUILTIN_SOURCE)
        ? "google_ifeval+podium_punkt" : "google_ifeval";
  }

  private final List<String> metrics;

  public IfEvalDocumentScorer(List<String> metrics) {
    for (String m : metrics) {
      if (!METRICS.contains(m)) {
        throw new IllegalArgumentException("unknown IFEval metric '" + m + "' (known: " + METRICS + ")");
      }
    }
    this.metrics = List.copyOf(metrics);
  }

  @Override
  public DocumentScore score(ScoringInput input) {
    String response = input.answers().isEmpty() ? null : input.answers().get(0).generatedText();
    if (response == null) {
      return DocumentScore.incomplete("no generation");
    }
    IfEvalPrompt prompt = prompt(input);
    IfEvalVerdict verdict = IfEvalScorer.score(prompt, response);
    List<SampleScore> scores = new ArrayList<>(metrics.size());
    for (String metric : metrics) {
      List<Boolean> verdicts = metric.contains("strict") ? verdict.strict() : verdict.loose();
      long followed = verdicts.stream().filter(Boolean::booleanValue).count();
      boolean promptLevel = metric.startsWith("prompt_level");
      double value = promptLevel ? (followed == verdicts.size() ? 1.0 : 0.0) : (double) followed / verdicts.size();
      scores.add(new SampleScore(metric, method(), value, promptLevel ? 1 : verdicts.size(), null, null, null, null,
          null, prompt.instructionIds(), verdicts, "{}"));
    }
    return DocumentScore.complete(scores);
  }

  static IfEvalPrompt prompt(ScoringInput input) {
    try {
      return IfEvalPrompt.fromRecord(input.doc());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(input.describe() + " is not an IFEval prompt (" + e.getMessage()
          + "); fix the record and re-ingest it", e);
    }
  }
}
