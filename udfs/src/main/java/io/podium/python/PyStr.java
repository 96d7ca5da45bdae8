package io.podium.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code str} semantics, in one place for the templates, the chat templates, the
 * harness's string handling and IFEval's checks: what counts as whitespace ({@code str.isspace},
 * {@code str.split()}, {@code str.strip()}), as a word character (regex {@code \w}), as upper or
 * lower case ({@code str.isupper}, {@code str.islower}), {@code title}, {@code capitalize},
 * {@code replace} with a count, and {@code str()} / {@code repr()} of JSON-like values.
 *
 * <p>Java's own notions differ: {@code Character.isWhitespace} leaves out the no-break spaces,
 * {@code String.strip} follows it, {@code trim} strips controls, and regex {@code \w} is
 * ASCII-only by default.
 */
public final class PyStr {

  private PyStr() {}

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

  /** Python's {@code s.strip(chars)}; {@code chars} null strips whitespace. */
  public static String strip(String s, String chars) {
    return rstrip(lstrip(s, chars), chars);
  }

  /** Python's {@code s.lstrip(chars)}; {@code chars} null strips whitespace. */
  public static String lstrip(String s, String chars) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!stripped(cp, chars)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  /** Python's {@code s.rstrip(chars)}; {@code chars} null strips whitespace. */
  public static String rstrip(String s, String chars) {
    int j = s.length();
    while (j > 0) {
      int cp = s.codePointBefore(j);
      if (!stripped(cp, chars)) {
        break;
      }
      j -= Character.charCount(cp);
    }
    return s.substring(0, j);
  }

  private static boolean stripped(int cp, String chars) {
    return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
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

  /** Python's {@code s.split(sep, maxsplit)}; {@code sep} null splits on runs of whitespace. */
  public static List<String> split(String s, String sep, int maxsplit) {
    List<String> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && isSpace(s.codePointAt(i))) {
          i += Character.charCount(s.codePointAt(i));
        }
        if (i >= n) {
          break;
        }
        if (maxsplit >= 0 && out.size() == maxsplit) {
          out.add(s.substring(i)); // the rest, its trailing whitespace kept, as CPython keeps it
          break;
        }
        int j = i;
        while (j < n && !isSpace(s.codePointAt(j))) {
          j += Character.charCount(s.codePointAt(j));
        }
        out.add(s.substring(i, j));
        i = j;
      }
      return out;
    }
    if (sep.isEmpty()) {
      throw new IllegalArgumentException("empty separator");
    }
    int i = 0;
    while (maxsplit < 0 || out.size() < maxsplit) {
      int j = s.indexOf(sep, i);
      if (j < 0) {
        break;
      }
      out.add(s.substring(i, j));
      i = j + sep.length();
    }
    out.add(s.substring(i));
    return out;
  }

  /** Python's {@code s.title()}: a cased character is upper-cased after an uncased one, else lowered. */
  public static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean previousCased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean cased = Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
      if (cased) {
        sb.append(previousCased ? new String(Character.toChars(Character.toLowerCase(cp)))
            : new String(Character.toChars(Character.toTitleCase(cp))));
      } else {
        sb.appendCodePoint(cp);
      }
      previousCased = cased;
    }
    return sb.toString();
  }

  /** Python's {@code s.capitalize()}. */
  public static String capitalize(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int cp = s.codePointAt(0);
    int n = Character.charCount(cp);
    return new String(Character.toChars(Character.toTitleCase(cp))) + s.substring(n).toLowerCase(Locale.ROOT);
  }

  /** Python's {@code s.replace(old, new, count)}; a negative count replaces all. */
  public static String replace(String s, String old, String replacement, int count) {
    if (count < 0) {
      return s.replace(old, replacement);
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int done = 0;
    while (done < count) {
      int j = old.isEmpty() ? (i <= s.length() ? i : -1) : s.indexOf(old, i);
      if (j < 0) {
        break;
      }
      sb.append(s, i, j).append(replacement);
      if (old.isEmpty()) {
        if (j < s.length()) {
          sb.append(s.charAt(j));
        }
        i = j + 1;
      } else {
        i = j + old.length();
      }
      done++;
    }
    if (i <= s.length()) {
      sb.append(s.substring(Math.min(i, s.length())));
    }
    return sb.toString();
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

  /** What {@code str(value)} prints in Python, as Jinja does when it renders a value. */
  public static String str(Object value) {
    if (value instanceof String s) {
      return s;
    }
    return repr(value);
  }

  /** What {@code repr(value)} prints in Python. */
  public static String repr(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof String s) {
      return reprString(s);
    }
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(repr(list.get(i)));
      }
      return sb.append(']').toString();
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        sb.append(first ? "" : ", ").append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
        first = false;
      }
      return sb.append('}').toString();
    }
    return String.valueOf(value);
  }

  private static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c == quote) {
            sb.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append(quote).toString();
  }
}
