package io.podium.leaderboard.exporter;

import java.math.BigDecimal;

/**
 * Python's {@code str()} of the values lm-evaluation-harness writes into its samples files
 * ({@code sanitize_list} in the fork's {@code lm_eval/utils.py}, line 84, turns every response
 * into {@code str}): {@code True}/{@code False}, and floats as {@code repr} writes them
 * ({@code -1.5}, {@code 1e-05}, {@code 1.5e+16}).
 */
final class PythonStr {

  private PythonStr() {}

  static String of(boolean b) {
    return b ? "True" : "False";
  }

  /**
   * {@code repr(float)}: the digits of Java's {@link Double#toString} (the shortest that round-trip
   * on Java 19+; on 17, in rare cases one digit more than Python's), laid out as Python does:
   * positional for decimal exponents from -4 to 15, else scientific with a signed two-digit exponent.
   */
  static String of(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal v = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = v.unscaledValue().toString();
    int exponent = digits.length() - 1 - v.scale(); // of the first digit
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (exponent >= -4 && exponent < 16) {
      if (exponent < 0) {
        out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      } else if (digits.length() <= exponent + 1) {
        out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
      } else {
        out.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits.substring(1));
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int e = Math.abs(exponent);
      out.append(e < 10 ? "0" : "").append(e);
    }
    return out.toString();
  }
}
