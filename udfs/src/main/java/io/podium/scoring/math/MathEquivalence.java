package io.podium.scoring.math;

/** How a normalized MATH answer is compared with the normalized gold answer. */
public enum MathEquivalence {
  /**
   * The Open LLM Leaderboard v2 (2024) comparison: both sides must parse with sympy's
   * {@code parse_latex} and their difference must simplify to 0; no string shortcut, so a gold
   * answer that does not parse (tuple, interval, {@code \%}, text) never matches, not even itself.
   */
  SYMPY_2024("sympy_2024"),
  /**
   * Equal normalized strings (after Python {@code strip()}) match; otherwise as
   * {@link #SYMPY_2024}. Later versions of the harness's {@code leaderboard/math/utils.py} add the
   * same shortcut ({@code answer.strip() == gold.strip() or is_equiv(...)}); the version the 2024
   * leaderboard ran compared with {@code is_equiv} alone.
   */
  CORRECTED("corrected");

  private final String id;

  MathEquivalence(String id) {
    this.id = id;
  }

  /** The method's id, as written in configuration and results. */
  public String id() {
    return id;
  }

  /** The method with this id; IllegalArgumentException for an unknown one. */
  public static MathEquivalence fromId(String id) {
    for (MathEquivalence m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown MATH equivalence method: " + id
        + " (expected sympy_2024 or corrected)");
  }
}
