package io.podium.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the one kind of Python literal benchmark files contain as strings: a list of
 * string literals, as {@code ast.literal_eval} reads {@code "['a', \"b's\"]"}.
 */
public final class PyLiteral {

  private PyLiteral() {}

  public static List<String> parseStringList(String text) {
    String s = text.strip();
    if (!s.startsWith("[") || !s.endsWith("]")) {
      throw new IllegalArgumentException("not a list literal");
    }
    List<String> out = new ArrayList<>();
    int i = skipSpace(s, 1);
    if (s.charAt(i) == ']') {
      return out;
    }
    while (true) {
      char quote = s.charAt(i);
      if (quote != '\'' && quote != '"') {
        throw new IllegalArgumentException("expected a quoted string at offset " + i);
      }
      StringBuilder item = new StringBuilder();
      i++;
      while (true) {
        if (i >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == quote) {
          break;
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> item.append('\n');
            case 't' -> item.append('\t');
            case 'r' -> item.append('\r');
            case '\\', '\'', '"' -> item.append(e);
            case 'x' -> {
              item.append((char) Integer.parseInt(s.substring(i, i + 2), 16));
              i += 2;
            }
            case 'u' -> {
              item.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> item.append('\\').append(e);
          }
        } else {
          item.append(c);
        }
      }
      out.add(item.toString());
      i = skipSpace(s, i);
      char sep = s.charAt(i);
      if (sep == ']') {
        return out;
      }
      if (sep != ',') {
        throw new IllegalArgumentException("expected ',' or ']' at offset " + i);
      }
      i = skipSpace(s, i + 1);
      if (s.charAt(i) == ']') {
        return out; // trailing comma
      }
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    if (i >= s.length()) {
      throw new IllegalArgumentException("unexpected end of list");
    }
    return i;
  }
}
