package io.podium.models;

import java.util.List;

/**
 * The harness's stop sequences ({@code until}) on generated text, one rule for every backend.
 * The text is cut as {@code generate_until} cuts it (lm_eval/models/huggingface.py:1403-1407 at
 * {@code adding_all_changess}; openai_completions.py:289-291 the same): for each non-empty stop
 * sequence, in the order given, {@code s = s.split(term)[0]}. That is the text before the
 * earliest stop sequence, except where one stop sequence overlaps the cut another made, which
 * the harness then no longer sees.
 */
public final class StopSequences {

  /**
   * A cut text and the stop sequence that made the last cut (the one that ended the text), or
   * null when none occurs.
   */
  public record Cut(String text, String stop) {}

  private StopSequences() {}

  /** {@code text} cut as the harness cuts it. */
  public static Cut cut(String text, List<String> until) {
    String s = text;
    String stop = null;
    for (String term : until) {
      if (!term.isEmpty()) {
        int at = s.indexOf(term);
        if (at >= 0) {
          s = s.substring(0, at);
          stop = term;
        }
      }
    }
    return new Cut(s, stop);
  }

  /** Whether generation can stop: some non-empty stop sequence occurs in {@code text}. */
  public static boolean reached(CharSequence text, List<String> until) {
    String s = text.toString();
    for (String term : until) {
      if (!term.isEmpty() && s.contains(term)) {
        return true;
      }
    }
    return false;
  }
}
