package io.podium.leaderboard.view;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Grid}: an aligned text table, CSV (RFC 4180) or a Markdown table. The notes
 * (what the table shows: snapshot, legend) go before the table in text and Markdown; CSV holds
 * only the grid, so that it parses as one table.
 */
public enum GridWriter {
  TABLE {
    @Override
    public void write(Grid grid, List<String> notes, PrintStream out) {
      notes.forEach(out::println);
      int[] widths = new int[grid.header().size()];
      for (int i = 0; i < widths.length; i++) {
        widths[i] = grid.header().get(i).length();
        for (List<String> row : grid.rows()) {
          widths[i] = Math.max(widths[i], oneLine(row.get(i)).length());
        }
      }
      StringBuilder rule = new StringBuilder("+");
      for (int w : widths) {
        rule.append("-".repeat(w + 2)).append('+');
      }
      out.println(rule);
      out.println(line(grid.header(), widths, null));
      out.println(rule);
      for (List<String> row : grid.rows()) {
        out.println(line(row, widths, grid.numeric()));
      }
      out.println(rule);
    }

    private String line(List<String> cells, int[] widths, List<Boolean> numeric) {
      StringBuilder sb = new StringBuilder("|");
      for (int i = 0; i < cells.size(); i++) {
        String v = oneLine(cells.get(i));
        String pad = " ".repeat(widths[i] - v.length());
        boolean right = numeric != null && numeric.get(i);
        sb.append(' ').append(right ? pad + v : v + pad).append(" |");
      }
      return sb.toString();
    }
  },

  CSV {
    @Override
    public void write(Grid grid, List<String> notes, PrintStream out) {
      out.print(csvLine(grid.header()));
      for (List<String> row : grid.rows()) {
        out.print(csvLine(row));
      }
    }

    private String csvLine(List<String> cells) {
      List<String> quoted = new ArrayList<>();
      for (String s : cells) {
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
        quoted.add(quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
      }
      return String.join(",", quoted) + "\r\n";
    }
  },

  MD {
    @Override
    public void write(Grid grid, List<String> notes, PrintStream out) {
      for (String note : notes) {
        out.println(escape(note));
        out.println();
      }
      out.println(mdLine(grid.header()));
      StringBuilder sep = new StringBuilder("|");
      for (boolean right : grid.numeric()) {
        sep.append(right ? " ---: |" : " --- |");
      }
      out.println(sep);
      for (List<String> row : grid.rows()) {
        out.println(mdLine(row));
      }
    }

    private String mdLine(List<String> cells) {
      StringBuilder sb = new StringBuilder("|");
      for (String c : cells) {
        sb.append(' ').append(escape(c)).append(" |");
      }
      return sb.toString();
    }

    /** Markdown text that shows as written: no markup, no HTML, no cell breaks. */
    private String escape(String s) {
      StringBuilder sb = new StringBuilder();
      for (char c : oneLine(s).toCharArray()) {
        switch (c) {
          case '\\', '`', '*', '_', '[', ']', '|', '#', '~' -> sb.append('\\').append(c);
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '&' -> sb.append("&amp;");
          default -> sb.append(c);
        }
      }
      return sb.toString();
    }
  };

  public abstract void write(Grid grid, List<String> notes, PrintStream out);

  /**
   * A cell on one line and harmless to a terminal: line breaks and tabs as {@code \n},
   * {@code \r}, {@code \t}; other control characters (escape sequences in a model id) as
   * {@code \}{@code uXXXX}.
   */
  static String oneLine(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
