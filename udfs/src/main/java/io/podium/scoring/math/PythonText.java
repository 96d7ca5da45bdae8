package io.podium.scoring.math;

/** The few Python {@code str} behaviours the MATH scoring depends on. */
final class PythonText {

  private PythonText() {}

  /** Python's {@code str.isspace()} for one code point. */
  static boolean isSpace(int c) {
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0
        || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029
        || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  /** Python's {@code str.strip()} with no argument. */
  static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * Python's {@code str.isdigit()}: non-empty and every character a digit (decimal digits of any
   * script, and the superscript, subscript and circled digits Python also counts).
   */
  static boolean isDigit(String s) {
    if (s.isEmpty()) {
      return false;
    }
    return s.codePoints().allMatch(PythonText::isDigitChar);
  }

  private static boolean isDigitChar(int c) {
    if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
      return true;
    }
    // Numeric_Type=Digit characters that are not Nd: superscripts, subscripts, circled and
    // parenthesized digits, and similar compatibility forms.
    return c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071
        && c != 0x2072 && c != 0x2073) || (c >= 0x2080 && c <= 0x2089)
        || (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247c)
        || (c >= 0x2488 && c <= 0x2490) || c == 0x24ea || (c >= 0x24f5 && c <= 0x24fd)
        || c == 0x24ff || (c >= 0x2776 && c <= 0x277e) || (c >= 0x2780 && c <= 0x2788)
        || (c >= 0x278a && c <= 0x2792) || (c >= 0x1369 && c <= 0x1371) || c == 0x19da
        || (c >= 0x1f100 && c <= 0x1f10a);
  }
}
