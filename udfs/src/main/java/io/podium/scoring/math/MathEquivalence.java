package io.podium.scoring.math;

/**
 * How a normalized MATH answer is compared with the normalized gold answer.
 *
 * <p>Two versions of the harness's {@code lm_eval/tasks/leaderboard/math/utils.py} were in use
 * in 2024; they differ in {@code process_results}, {@code remove_boxed} and the timeout of
 * {@code is_equiv} (docs/scoring.md has the details, with file and line):
 *
 * <ul>
 *   <li>the Hugging Face fork the leaderboard ran (branch {@code adding_all_changess}, from the
 *       "fix math parser" commit 59400194 of 2024-10-24 to its tip fca2dc43):
 *       {@link #LEADERBOARD_FORK};
 *   <li>EleutherAI's upstream harness from 2024-07-03 (3c8db1bb, "Adds Open LLM Leaderboard
 *       Taks") until 2024-11-11 (77c811ea, which brought the fork's fix upstream):
 *       {@link #SYMPY_2024}.
 * </ul>
 */
public enum MathEquivalence {
  /**
   * The leaderboard's fork ({@code process_results}, utils.py:76-80 at {@code adding_all_changess}):
   * an answer that is {@code [invalidanswer]} scores 0; otherwise equal strings (after Python's
   * {@code strip()}) match, and only then is the symbolic check ({@code is_equiv}) tried. The
   * default.
   */
  LEADERBOARD_FORK("leaderboard_fork"),
  /**
   * Upstream harness of July to November 2024 ({@code process_results}, utils.py:73 at 3c8db1bb):
   * {@code is_equiv(answer, gold)} alone. No {@code [invalidanswer]} test (that string goes to
   * {@code parse_latex} like any answer, which reads it as a product of letters) and no string
   * shortcut, so a gold answer that does not parse (tuple, interval, {@code \%}, text) never
   * matches, not even itself.
   */
  SYMPY_2024("sympy_2024"),
  /**
   * Podium's earlier name for "equal normalized strings first, then the symbolic check": an
   * {@code [invalidanswer]} scores 0, equal strings (after {@code strip()}) match, otherwise
   * {@code is_equiv}. It was introduced as a correction of {@link #SYMPY_2024} before it was
   * established that the fork the leaderboard ran has the same rule; its verdicts are
   * {@link #LEADERBOARD_FORK}'s. Kept so results stored under this name keep their meaning.
   */
  CORRECTED("corrected");

  /** The method used when none is chosen. */
  public static final MathEquivalence DEFAULT = LEADERBOARD_FORK;

  private final String id;

  MathEquivalence(String id) {
    this.id = id;
  }

  /** The method's id, as written in configuration and results. */
  public String id() {
    return id;
  }

  /** The methods' ids, "a, b or c", for messages and usage lines. */
  public static String ids(String separator, String last) {
    StringBuilder b = new StringBuilder();
    MathEquivalence[] all = values();
    for (int i = 0; i < all.length; i++) {
      if (i > 0) {
        b.append(i == all.length - 1 ? last : separator);
      }
      b.append(all[i].id);
    }
    return b.toString();
  }

  /** The method with this id; IllegalArgumentException for an unknown one. */
  public static MathEquivalence fromId(String id) {
    for (MathEquivalence m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown MATH equivalence method: " + id
        + " (expected " + ids(", ", " or ") + ")");
  }
}
