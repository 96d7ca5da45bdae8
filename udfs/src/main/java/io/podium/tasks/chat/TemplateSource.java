package io.podium.tasks.chat;

import java.util.Set;

/**
 * Prepares a Hugging Face chat template's text for Jinjava so it reads as Python Jinja2 reads it.
 *
 * <ul>
 *   <li>Line endings: jinja2's lexer splits the source on {@code \r\n|\r|\n} and joins with the
 *       environment's {@code newline_sequence} ({@code "\n"}); with the default
 *       {@code keep_trailing_newline=False} one trailing newline of the <em>source</em> is dropped
 *       (jinja2 3.1 {@code lexer.py}, {@code Lexer.tokeniter}). transformers does not change that
 *       default (v4.45 {@code chat_template_utils.py}, {@code _compile_jinja_template}).
 *   <li>Python string methods ({@code x.strip()}, {@code x.split(",")}, ...) are calls on Python
 *       {@code str} objects; Jinjava has no such methods on Java strings, so inside tags each
 *       {@code .name(} of a known method becomes the filter {@code |py_name(} (string literals are
 *       left alone). With natural operator precedence a filter binds like a method call: to the
 *       primary before it.
 * </ul>
 */
final class TemplateSource {
  private TemplateSource() {}

  static final Set<String> STRING_METHODS = Set.of("strip", "lstrip", "rstrip", "startswith",
      "endswith", "split", "title", "upper", "lower", "replace", "capitalize", "items");

  static String prepare(String template) {
    String s = template.replace("\r\n", "\n").replace('\r', '\n');
    if (s.endsWith("\n")) s = s.substring(0, s.length() - 1);
    return rewriteMethods(s);
  }

  static String rewriteMethods(String s) {
    StringBuilder out = new StringBuilder(s.length() + 64);
    int i = 0;
    int n = s.length();
    while (i < n) {
      int open = nextTagOpen(s, i);
      if (open < 0) {
        out.append(s, i, n);
        break;
      }
      out.append(s, i, open);
      String close = s.charAt(open + 1) == '{' ? "}}" : "%}";
      i = copyTag(s, open, close, out);
    }
    return out.toString();
  }

  private static int nextTagOpen(String s, int from) {
    for (int k = from; k + 1 < s.length(); k++) {
      if (s.charAt(k) != '{') continue;
      char c = s.charAt(k + 1);
      if (c == '{' || c == '%') return k;
      if (c == '#') {
        int end = s.indexOf("#}", k + 2);
        if (end < 0) return -1;
        k = end + 1;
      }
    }
    return -1;
  }

  /** Copies one tag starting at {@code open}, rewriting method calls; returns the index after it. */
  private static int copyTag(String s, int open, String close, StringBuilder out) {
    int n = s.length();
    out.append(s, open, open + 2);
    int k = open + 2;
    while (k < n) {
      char c = s.charAt(k);
      if (c == '\'' || c == '"') {
        int j = k + 1;
        while (j < n && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
        j = Math.min(j + 1, n);
        out.append(s, k, j);
        k = j;
      } else if (s.startsWith(close, k)) {
        out.append(close);
        return k + 2;
      } else if (c == '.' && k + 1 < n && Character.isLetter(s.charAt(k + 1))) {
        int j = k + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        String name = s.substring(k + 1, j);
        if (j < n && s.charAt(j) == '(' && STRING_METHODS.contains(name)) {
          out.append("|py_").append(name);
        } else {
          out.append(s, k, j);
        }
        k = j;
      } else {
        out.append(c);
        k++;
      }
    }
    return n;
  }
}
