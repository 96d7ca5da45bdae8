package io.podium.leaderboard.page;

import io.podium.leaderboard.view.Numbers;
import java.util.Locale;

/**
 * One cell of the board, formatted: what it shows, what it sorts by, and for a score the bar
 * and the whisker of its 95% interval.
 *
 * @param kind score, number, text or link (how the template draws it)
 * @param sort the value the table sorts by ("" sorts last)
 * @param text what the cell shows
 * @param title text on hover ("" for none)
 * @param ci the half-width of the interval, as shown ({@code ±1.25}; "" for none)
 * @param fill the bar's width, percent
 * @param whiskerLeft where the whisker starts, percent ("" for no whisker)
 * @param whiskerWidth the whisker's width, percent
 * @param href where a link cell goes ("" for none)
 */
public record Cell(String kind, String sort, String text, String title, String ci, String fill, String whiskerLeft,
    String whiskerWidth, String href) {

  static final Cell EMPTY = new Cell("text", "", "", "", "", "", "", "", "");

  static Cell text(String text) {
    return text == null || text.isEmpty() ? EMPTY : new Cell("text", text, text, "", "", "", "", "", "");
  }

  static Cell link(String text, String href) {
    return text == null || text.isEmpty() ? EMPTY
        : new Cell(href.isEmpty() ? "text" : "link", text, text, "", "", "", "", "", href);
  }

  /** A number: sorted by its value, shown in {@code format}. */
  static Cell number(Double value, String format) {
    return value == null ? EMPTY
        : new Cell("number", Numbers.plain(value), String.format(Locale.ROOT, format, value), "", "", "", "", "", "");
  }

  /** A normalized score (0-100) with its 95% interval (either bound null: none). */
  static Cell score(Double value, Double low, Double high) {
    if (value == null) {
      return new Cell("score", "", "", "", "", "", "", "", "");
    }
    boolean interval = low != null && high != null;
    String title = interval ? "95% interval " + Numbers.score(low) + " to " + Numbers.score(high) : "";
    String ci = interval ? "\u00b1" + Numbers.score((high - low) / 2) : "";
    String whiskerLeft = interval ? percent(low) : "";
    String whiskerWidth = interval ? percent(Math.max(0, clamp(high) - clamp(low))) : "";
    return new Cell("score", Numbers.plain(value), Numbers.score(value), title, ci, percent(value), whiskerLeft,
        whiskerWidth, "");
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(100, v));
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%.2f", clamp(v));
  }
}
