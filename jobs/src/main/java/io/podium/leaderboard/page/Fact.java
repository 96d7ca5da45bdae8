package io.podium.leaderboard.page;

/**
 * A labelled value of the page: an input table's version, a model's license, ...
 *
 * @param label what it is
 * @param value its value, as shown
 * @param href where the value links to ("" for nowhere)
 */
public record Fact(String label, String value, String href) {

  static Fact of(String label, String value) {
    return new Fact(label, value == null ? "" : value, "");
  }
}
