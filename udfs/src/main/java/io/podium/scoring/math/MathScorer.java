package io.podium.scoring.math;

import io.podium.tasks.MathAnswers;

/**
 * Exact-match scoring of MATH responses as the Open LLM Leaderboard v2 (2024) did it for
 * {@code leaderboard_math_hard}: the final answer is extracted ({@link MinervaAnswer}), both it
 * and the gold answer are normalized ({@link FinalAnswerNormalizer}) and compared with the
 * chosen {@link MathEquivalence}. Thread-safe; no state beyond the method.
 */
public final class MathScorer {

  private final MathEquivalence method;

  public MathScorer(MathEquivalence method) {
    this.method = method;
  }

  public MathEquivalence method() {
    return method;
  }

  /**
   * Scores one response. {@code goldAnswer} is the content of the solution's last
   * {@code \boxed{}} ({@link #goldAnswer}), not yet normalized.
   */
  public MathVerdict score(String response, String goldAnswer) {
    String extracted = MinervaAnswer.extract(response);
    String normalized = FinalAnswerNormalizer.normalize(extracted);
    String gold = FinalAnswerNormalizer.normalize(goldAnswer);
    boolean match;
    if (normalized.equals(MinervaAnswer.INVALID_ANSWER)) {
      match = false;
    } else if (method == MathEquivalence.CORRECTED
        && PythonText.strip(normalized).equals(PythonText.strip(gold))) {
      match = true;
    } else {
      match = SymbolicEquivalence.equivalent(normalized, gold);
    }
    return new MathVerdict(extracted, normalized, gold, match);
  }

  /**
   * The gold answer of a MATH solution: {@code remove_boxed(last_boxed_only_string(solution))},
   * or {@link MinervaAnswer#INVALID_ANSWER} where the solution has no usable box.
   */
  public static String goldAnswer(String solution) {
    String boxed = MathAnswers.removeBoxed(MathAnswers.lastBoxedOnlyString(solution));
    return boxed == null ? MinervaAnswer.INVALID_ANSWER : boxed;
  }
}
