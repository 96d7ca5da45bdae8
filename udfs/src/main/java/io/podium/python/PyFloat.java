package io.podium.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)} (which {@code str()} and {@code json.dumps} write too):
 * {@code -1.5}, {@code 0.0001}, {@code 1e-05}, {@code 1.5e+16}, {@code 3.0}.
 */
public final class PyFloat {

  private PyFloat() {}

  /**
   * The shortest digits that read back as {@code d}, correctly rounded from its exact binary value
   * (what Python's {@code repr} finds with Gay's algorithm; Java 17's {@link Double#toString}
   * sometimes gives a digit more), laid out as Python does: positional for decimal exponents
   * from -4 to 15, else scientific with a signed two-digit exponent.
   */
  public static String repr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(d));
    BigDecimal v = exact;
    for (int precision = 1; precision <= 17; precision++) {
      v = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (v.doubleValue() == Math.abs(d)) {
        break;
      }
    }
    v = v.stripTrailingZeros();
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
