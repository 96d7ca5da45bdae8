package io.podium.python;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles Python regular expressions (as IFEval writes them, and as its kwargs supply keywords)
 * into {@link Pattern}s that match the same text.
 *
 * <p>The differences that matter here: Python's {@code \w}, {@code \s}, {@code \d} and
 * {@code \b} are Unicode-aware on {@code str} (Java's are ASCII by default); Python's {@code .}
 * stops only at {@code \n} (Java's also at {@code \r}, {@code \u0085}, {@code \u2028},
 * {@code \u2029} unless {@link Pattern#UNIX_LINES}); Python's {@code $} and {@code ^} in
 * multi-line mode only know {@code \n}. Python-only syntax ({@code (?P<name>...)},
 * {@code (?P=name)}) and Java-only syntax inside character classes (nested {@code [}, {@code &&})
 * are rewritten. Inline flags and lookarounds are the same in both.
 */
public final class PyRegex {

  /** The members of Python's {@code \w} class, for use inside {@code [...]}. */
  public static final String WORD_CHARS = "\\p{L}\\p{N}_";
  /** The members of Python's {@code \s} class, for use inside {@code [...]}. */
  public static final String SPACE_CHARS =
      "\\t\\n\\x0B\\f\\r\\x1C-\\x20\\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000";
  /** Python's {@code \w}. */
  public static final String WORD = "[" + WORD_CHARS + "]";
  /** Python's {@code \W}. */
  public static final String NON_WORD = "[^" + WORD_CHARS + "]";
  /** Python's {@code \s}. */
  public static final String SPACE = "[" + SPACE_CHARS + "]";
  /** Python's {@code \S}. */
  public static final String NON_SPACE = "[^" + SPACE_CHARS + "]";
  /** Python's {@code \b}. */
  public static final String BOUNDARY =
      "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";
  /** Python's {@code \B}. */
  public static final String NON_BOUNDARY =
      "(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))";

  private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d*(,\\d*)?}");

  private PyRegex() {}

  /** Compiles a Python pattern with Java flags (e.g. {@link Pattern#CASE_INSENSITIVE}). */
  public static Pattern compile(String python, int flags) {
    int javaFlags = flags | Pattern.UNIX_LINES;
    if ((flags & Pattern.CASE_INSENSITIVE) != 0) {
      javaFlags |= Pattern.UNICODE_CASE;
    }
    return Pattern.compile(translate(python), javaFlags);
  }

  /** Compiles a Python pattern without flags. */
  public static Pattern compile(String python) {
    return compile(python, 0);
  }

  /** Python's {@code len(re.findall(pattern, text))}. */
  public static int countMatches(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Rewrites Python regex syntax into Java regex syntax with the same meaning. */
  static String translate(String p) {
    StringBuilder out = new StringBuilder(p.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        char e = p.charAt(++i);
        out.append(inClass ? classEscape(e) : escape(e));
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(c);
        } else if (c == '[') {
          out.append("\\[");
        } else if (c == '&' && i + 1 < p.length() && p.charAt(i + 1) == '&') {
          out.append("&\\&");
          i++;
        } else {
          out.append(c);
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          inClass = true;
          out.append(c);
          if (i + 1 < p.length() && p.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
          if (i + 1 < p.length() && p.charAt(i + 1) == ']') {
            out.append("\\]");
            i++;
          }
        }
        case '.' -> out.append('.');
        case '{' -> {
          Matcher q = QUANTIFIER.matcher(p).region(i, p.length());
          out.append(q.lookingAt() && !q.group().equals("{}") && !q.group().equals("{,}")
              ? "{" : "\\{");
        }
        case '}' -> out.append(openQuantifier(out) ? "}" : "\\}");
        case '(' -> {
          if (p.startsWith("(?P<", i)) {
            out.append("(?<");
            i += 3;
          } else if (p.startsWith("(?P=", i)) {
            int close = p.indexOf(')', i);
            out.append("\\k<").append(p, i + 4, close).append('>');
            i = close;
          } else {
            out.append(c);
          }
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean openQuantifier(StringBuilder out) {
    for (int i = out.length() - 1; i >= 0; i--) {
      char c = out.charAt(i);
      if (c == '{') {
        return i == 0 || out.charAt(i - 1) != '\\';
      }
      if (c != ',' && !Character.isDigit(c)) {
        return false;
      }
    }
    return false;
  }

  private static String escape(char e) {
    return switch (e) {
      case 'w' -> WORD;
      case 'W' -> NON_WORD;
      case 's' -> SPACE;
      case 'S' -> NON_SPACE;
      case 'd' -> "\\p{Nd}";
      case 'D' -> "\\P{Nd}";
      case 'b' -> BOUNDARY;
      case 'B' -> NON_BOUNDARY;
      case 'Z' -> "\\z";
      default -> "\\" + e;
    };
  }

  private static String classEscape(char e) {
    return switch (e) {
      case 'w' -> WORD_CHARS;
      case 's' -> SPACE_CHARS;
      case 'd' -> "\\p{Nd}";
      case 'b' -> "\\x08";
      default -> "\\" + e;
    };
  }
}
