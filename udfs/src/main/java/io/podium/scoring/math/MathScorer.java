package io.podium.scoring.math;

import io.podium.tasks.MathAnswers;

/**
 * Exact-match scoring of MATH responses as the harness's {@code leaderboard_math_hard} does it:
 * the final answer is extracted ({@link MinervaAnswer}), both it and the gold answer are
 * normalized ({@link FinalAnswerNormalizer}) and compared with the chosen
 * {@link MathEquivalence} (by default the rule of the fork the Open LLM Leaderboard v2 ran). Thread-safe; no state beyond the method.
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
    if (method == MathEquivalence.SYMPY_2024) {
      // upstream utils.py:73 (3c8db1bb): is_equiv alone, "[invalidanswer]" included
      match = SymbolicEquivalence.equivalent(normalized, gold);
    } else if (normalized.equals(MinervaAnswer.INVALID_ANSWER)) {
      // fork utils.py:76-77 (adding_all_changess)
      match = false;
    } else {
      // fork utils.py:78: answer.strip() == doc["answer"].strip() or is_equiv(answer, gold)
      match = PythonText.strip(normalized).equals(PythonText.strip(gold))
          || SymbolicEquivalence.equivalent(normalized, gold);
    }
    return new MathVerdict(extracted, normalized, gold, match);
  }

  /**
   * The gold answer of a MATH solution: {@code remove_boxed(last_boxed_only_string(solution))},
   * or {@link MinervaAnswer#INVALID_ANSWER} where the solution has no usable box. That is the
   * fork's {@code remove_boxed} for a box that is not {@code \boxed{...}} or {@code \boxed ...}
   * (e.g. {@code \fbox{7}}, {@code \boxed\frac{1}{2}}: utils.py:126-132 at
   * {@code adding_all_changess}); where there is no box at all or its braces are not closed,
   * {@code last_boxed_only_string} gives None and the fork's {@code remove_boxed} raises a
   * TypeError (utils.py:121), and upstream's raises an AssertionError for any malformed box
   * (utils.py:115-123 at 3c8db1bb): neither could load such a document.
   */
  public static String goldAnswer(String solution) {
    String boxed = MathAnswers.removeBoxed(MathAnswers.lastBoxedOnlyString(solution));
    return boxed == null ? MinervaAnswer.INVALID_ANSWER : boxed;
  }
}
