package io.podium.leaderboard.view;

import java.util.List;

/**
 * A table of text cells, the common shape of the table, CSV and Markdown outputs.
 *
 * @param header column names
 * @param numeric per column, whether it is right-aligned (numbers)
 * @param rows the cells, one list per row, as wide as the header
 */
public record Grid(List<String> header, List<Boolean> numeric, List<List<String>> rows) {

  public Grid {
    header = List.copyOf(header);
    numeric = List.copyOf(numeric);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("row of " + row.size() + " cells under " + header.size() + " columns");
      }
    }
  }
}
