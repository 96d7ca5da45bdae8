package io.podium.leaderboard.view;

import java.util.Locale;

/** How scores and changes are written: two decimals, signs on changes, "" for no value. */
public final class Numbers {

  private Numbers() {}

  public static String score(Double v) {
    return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
  }

  /** A change with its sign: {@code +1.25}, {@code -0.50}, {@code 0.00}. */
  public static String change(Double v) {
    if (v == null) {
      return "";
    }
    String s = String.format(Locale.ROOT, "%+.2f", v);
    return s.equals("+0.00") || s.equals("-0.00") ? "0.00" : s;
  }

  /** A score with its 95% interval: {@code 45.12 [43.10, 47.05]}. */
  public static String withInterval(Double v, Double low, Double high) {
    if (v == null) {
      return "";
    }
    if (low == null || high == null) {
      return score(v);
    }
    return score(v) + " [" + score(low) + ", " + score(high) + "]";
  }

  /** Full precision for machine-read formats (CSV): Java's shortest round-trip form. */
  public static String plain(Double v) {
    return v == null ? "" : Double.toString(v);
  }

  public static String plain(Integer v) {
    return v == null ? "" : v.toString();
  }
}
