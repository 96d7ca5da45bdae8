package io.podium.scoring;

import java.io.Serializable;
import java.util.List;

/**
 * One metric of one document, with the evidence behind it: a row of {@code sample_scores}.
 *
 * <p>{@code value} is the document's metric value; {@code weight} is how many units it stands
 * for when the task's value is computed. It is 1 for every metric except IFEval's
 * instruction-level ones, where a document contributes one unit per instruction and
 * {@code value} is the fraction it followed (so the task value is the harness's flattened
 * mean over all instructions).
 *
 * @param metric harness metric name: acc, acc_norm, exact_match, prompt_level_strict_acc, ...
 * @param method how it was computed, e.g. {@code harness}, {@code leaderboard_fork}, {@code sympy_2024}, {@code corrected}
 * @param value metric value of this document
 * @param weight units the value stands for (instructions for inst-level IFEval metrics, else 1)
 * @param chosenIndex the choice the metric picked (multiple choice), else null
 * @param goldIndex the gold choice (multiple choice), else null
 * @param extractedAnswer the answer taken from the response (MATH), else null
 * @param normalizedAnswer that answer after normalization (MATH), else null
 * @param goldAnswer the normalized gold answer (MATH), else null
 * @param instructionIds the instructions checked (IFEval), else null
 * @param instructionVerdicts whether each instruction was followed (IFEval), else null
 * @param details everything else worth keeping, as a JSON object
 */
public record SampleScore(
    String metric,
    String method,
    double value,
    int weight,
    Integer chosenIndex,
    Integer goldIndex,
    String extractedAnswer,
    String normalizedAnswer,
    String goldAnswer,
    List<String> instructionIds,
    List<Boolean> instructionVerdicts,
    String details) implements Serializable {

  public SampleScore {
    if (weight < 1) {
      throw new IllegalArgumentException("weight of " + metric + " must be at least 1, was " + weight);
    }
    instructionIds = instructionIds == null ? null : List.copyOf(instructionIds);
    instructionVerdicts = instructionVerdicts == null ? null : List.copyOf(instructionVerdicts);
  }
}
