package io.podium.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text at semicolons outside quotes and {@code --} comments, fed in pieces (a script
 * at once, or a shell's input line by line): each piece returns the statements it completed, and
 * the text after the last semicolon waits for the next piece.
 */
final class StatementScanner {

  private final StringBuilder current = new StringBuilder();
  private char quote;
  private boolean comment;

  /** Scans more text; returns the statements it completed, stripped, blank ones left out. */
  List<String> feed(String text) {
    List<String> done = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (comment) {
        if (c == '\n') {
          comment = false;
          current.append('\n');
        }
      } else if (quote != 0) {
        current.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          current.append(text.charAt(++i));
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        current.append(c);
      } else if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        comment = true;
        i++;
      } else if (c == ';') {
        take().ifPresent(done::add);
      } else {
        current.append(c);
      }
    }
    return done;
  }

  /** Whether text of an unfinished statement is waiting (a shell then asks for more). */
  boolean pending() {
    return !current.toString().isBlank() || quote != 0;
  }

  /** The unfinished statement, as the end of a script ends it; null when there is none. */
  String rest() {
    comment = false;
    quote = 0;
    return take().orElse(null);
  }

  private java.util.Optional<String> take() {
    String statement = current.toString().strip();
    current.setLength(0);
    return statement.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(statement);
  }
}
