package io.podium.scoring.ifeval.text;

/**
 * Whether Python's {@code json.loads} accepts a string: standard JSON, plus {@code NaN},
 * {@code Infinity} and {@code -Infinity}; whitespace around the value is only space, tab, CR and
 * LF; no control characters inside strings; no leading byte-order mark.
 */
public final class JsonSyntax {

  private final String s;
  private int pos;

  private JsonSyntax(String s) {
    this.s = s;
  }

  /** True when {@code json.loads(text)} would return without raising. */
  public static boolean isValid(String text) {
    if (text.startsWith("\uFEFF")) {
      return false;
    }
    JsonSyntax parser = new JsonSyntax(text);
    try {
      parser.skipWhitespace();
      parser.value(0);
      parser.skipWhitespace();
      return parser.pos == text.length();
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  private void value(int depth) {
    if (depth > 900) {
      throw new IllegalArgumentException("too deep");
    }
    char c = peek();
    switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      case 'N' -> literal("NaN");
      case 'I' -> literal("Infinity");
      default -> {
        if (c == '-' && s.startsWith("-Infinity", pos)) {
          pos += "-Infinity".length();
        } else {
          number();
        }
      }
    }
  }

  private void object(int depth) {
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return;
    }
    while (true) {
      if (peek() != '"') {
        throw new IllegalArgumentException("key");
      }
      string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      value(depth + 1);
      skipWhitespace();
      char c = next();
      if (c == '}') {
        return;
      }
      if (c != ',') {
        throw new IllegalArgumentException("object");
      }
      skipWhitespace();
    }
  }

  private void array(int depth) {
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return;
    }
    while (true) {
      value(depth + 1);
      skipWhitespace();
      char c = next();
      if (c == ']') {
        return;
      }
      if (c != ',') {
        throw new IllegalArgumentException("array");
      }
      skipWhitespace();
    }
  }

  private void string() {
    pos++;
    while (true) {
      char c = next();
      if (c == '"') {
        return;
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("control character");
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
          case 'u' -> {
            for (int i = 0; i < 4; i++) {
              if (Character.digit(next(), 16) < 0 || !isAsciiHex(s.charAt(pos - 1))) {
                throw new IllegalArgumentException("escape");
              }
            }
          }
          default -> throw new IllegalArgumentException("escape");
        }
      }
    }
  }

  private static boolean isAsciiHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private void number() {
    if (peekOr(0) == '-') {
      pos++;
    }
    if (peekOr(0) == '0') {
      pos++;
    } else if (isDigit(peekOr(0)) ) {
      while (isDigit(peekOr(0))) {
        pos++;
      }
    } else {
      throw new IllegalArgumentException("number");
    }
    if (peekOr(0) == '.' && isDigit(peekOr(1))) {
      pos++;
      while (isDigit(peekOr(0))) {
        pos++;
      }
    }
    if ((peekOr(0) == 'e' || peekOr(0) == 'E')) {
      int save = pos;
      pos++;
      if (peekOr(0) == '+' || peekOr(0) == '-') {
        pos++;
      }
      if (isDigit(peekOr(0))) {
        while (isDigit(peekOr(0))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw new IllegalArgumentException(word);
    }
    pos += word.length();
  }

  private void skipWhitespace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalArgumentException("expected " + c);
    }
  }

  private char peek() {
    return s.charAt(pos);
  }

  private char peekOr(int ahead) {
    return pos + ahead < s.length() ? s.charAt(pos + ahead) : '\0';
  }

  private char next() {
    return s.charAt(pos++);
  }
}
