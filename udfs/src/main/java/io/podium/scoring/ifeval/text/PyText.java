package io.podium.scoring.ifeval.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python's {@code str} semantics that IFEval's checks rely on: what counts as whitespace
 * ({@code str.isspace}, {@code str.split()}, {@code str.strip()}), as a word character (regex
 * {@code \w}), and as upper or lower case ({@code str.isupper}, {@code str.islower}).
 *
 * <p>Java's own notions differ: {@code Character.isWhitespace} leaves out the no-break spaces,
 * {@code String.strip} follows it, and regex {@code \w} is ASCII-only by default.
 */
public final class PyText {

  private PyText() {}

  /** Python's {@code str.isspace()} for one code point (the characters {@code \s} matches). */
  public static boolean isSpace(int cp) {
    return switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1D, 0x1E, 0x1F, ' ', 0x85, 0xA0, 0x1680,
          0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
      default -> cp >= 0x2000 && cp <= 0x200A;
    };
  }

  /** Python's regex {@code \w} on a {@code str}: {@code ch.isalnum() or ch == '_'}. */
  public static boolean isWordChar(int cp) {
    if (cp == '_') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
      default -> false;
    };
  }

  /** Python's {@code s.strip()}. */
  public static String strip(String s) {
    return rstrip(lstrip(s));
  }

  /** Python's {@code s.lstrip()}. */
  public static String lstrip(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /** Python's {@code s.rstrip()}. */
  public static String rstrip(String s) {
    int end = s.length();
    while (end > 0) {
      int cp = s.codePointBefore(end);
      if (!isSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.strip(chars)}. */
  public static String strip(String s, String chars) {
    int start = 0;
    int end = s.length();
    while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Python's {@code s.lstrip(chars)}. */
  public static String lstrip(String s, String chars) {
    int start = 0;
    while (start < s.length() && chars.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    return s.substring(start);
  }

  /** Python's {@code s.rstrip(chars)}. */
  public static String rstrip(String s, String chars) {
    int end = s.length();
    while (end > 0 && chars.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code s.split()}: runs of whitespace separate, empty strings are dropped. */
  public static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      int start = i;
      while (i < n && !isSpace(s.codePointAt(i))) {
        i += Character.charCount(s.codePointAt(i));
      }
      if (i > start) {
        parts.add(s.substring(start, i));
      }
    }
    return parts;
  }

  /** Python's {@code s.split(sep)} with a literal, non-empty separator (empty parts kept). */
  public static List<String> split(String s, String sep) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int at;
    while ((at = s.indexOf(sep, start)) >= 0) {
      parts.add(s.substring(start, at));
      start = at + sep.length();
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** Python's {@code s.lower()}. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * Python's {@code s.isupper()}: no lower- or title-case character, and at least one
   * upper-case one.
   */
  public static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
      i += Character.charCount(cp);
    }
    return cased;
  }

  /**
   * Python's {@code s.islower()}: no upper- or title-case character, and at least one
   * lower-case one.
   */
  public static boolean isLower(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isLowerCase(cp);
      i += Character.charCount(cp);
    }
    return cased;
  }

  /** The number of {@code \w+} runs, which is what nltk's {@code RegexpTokenizer(r"\w+")} counts. */
  public static int countWords(String s) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean word = isWordChar(cp);
      if (word && !inWord) {
        count++;
      }
      inWord = word;
      i += Character.charCount(cp);
    }
    return count;
  }
}
