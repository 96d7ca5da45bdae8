package io.podium.scoring.ifeval.instructions;

/** How a count compares with an instruction's threshold. */
public enum Relation {
  LESS_THAN("less than"),
  AT_LEAST("at least");

  private final String text;

  Relation(String text) {
    this.text = text;
  }

  /** The relation named as in the dataset ("less than" or "at least"). */
  public static Relation parse(String text) {
    for (Relation r : values()) {
      if (r.text.equals(text)) {
        return r;
      }
    }
    throw new IllegalArgumentException("The supported relation for comparison must be in "
        + "(less than, at least), but " + text + " is given.");
  }

  /** {@code actual < threshold} or {@code actual >= threshold}. */
  public boolean holds(long actual, long threshold) {
    return this == LESS_THAN ? actual < threshold : actual >= threshold;
  }

  @Override
  public String toString() {
    return text;
  }
}
