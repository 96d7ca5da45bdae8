package io.podium.tasks.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Python {@code str} methods that chat templates call ({@code strip}, {@code lstrip},
 * {@code rstrip}, {@code split}, {@code title}, ...), with CPython's semantics: whitespace is
 * {@code str.isspace()} (Unicode aware, unlike Java's {@code String.trim()}), {@code split()}
 * without a separator splits on runs of whitespace and drops empty pieces, {@code title()}
 * capitalises after every uncased character.
 */
final class PyStrings {
  private PyStrings() {}

  /** CPython's {@code str.isspace()} for one code point (Zs, Zl, Zp, and the B/S/WS controls). */
  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  private static boolean stripped(int cp, String chars) {
    return chars == null ? isSpace(cp) : chars.indexOf(cp) >= 0;
  }

  static String strip(String s, String chars) {
    return rstrip(lstrip(s, chars), chars);
  }

  static String lstrip(String s, String chars) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!stripped(cp, chars)) break;
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String rstrip(String s, String chars) {
    int j = s.length();
    while (j > 0) {
      int cp = s.codePointBefore(j);
      if (!stripped(cp, chars)) break;
      j -= Character.charCount(cp);
    }
    return s.substring(0, j);
  }

  /** {@code str.split(sep=None, maxsplit=-1)}. */
  static List<String> split(String s, String sep, int maxsplit) {
    List<String> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (true) {
        while (i < n && isSpace(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
        if (i >= n) break;
        if (maxsplit >= 0 && out.size() == maxsplit) {
          out.add(rstrip(s.substring(i), null));
          break;
        }
        int j = i;
        while (j < n && !isSpace(s.codePointAt(j))) j += Character.charCount(s.codePointAt(j));
        out.add(s.substring(i, j));
        i = j;
      }
      return out;
    }
    if (sep.isEmpty()) throw new IllegalArgumentException("empty separator");
    int i = 0;
    while (maxsplit < 0 || out.size() < maxsplit) {
      int j = s.indexOf(sep, i);
      if (j < 0) break;
      out.add(s.substring(i, j));
      i = j + sep.length();
    }
    out.add(s.substring(i));
    return out;
  }

  /** {@code str.title()}: a cased character is upper-cased after an uncased one, else lowered. */
  static String title(String s) {
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

  static String capitalize(String s) {
    if (s.isEmpty()) return s;
    int cp = s.codePointAt(0);
    int n = Character.charCount(cp);
    return new String(Character.toChars(Character.toTitleCase(cp))) + s.substring(n).toLowerCase(Locale.ROOT);
  }

  /** {@code str.replace(old, new, count=-1)}. */
  static String replace(String s, String old, String replacement, int count) {
    if (count < 0) return s.replace(old, replacement);
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int done = 0;
    while (done < count) {
      int j = old.isEmpty() ? (i <= s.length() ? i : -1) : s.indexOf(old, i);
      if (j < 0) break;
      sb.append(s, i, j).append(replacement);
      if (old.isEmpty()) {
        if (j < s.length()) sb.append(s.charAt(j));
        i = j + 1;
      } else {
        i = j + old.length();
      }
      done++;
    }
    if (i <= s.length()) sb.append(s.substring(Math.min(i, s.length())));
    return sb.toString();
  }
}
