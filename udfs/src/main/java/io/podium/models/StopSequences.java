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

  /**
   * Tokens at the end of a generation to decode when checking whether the last token completed
   * a stop sequence: the longest stop sequence's UTF-8 bytes, plus one token in which it may
   * start mid-token, plus two for a tail whose first token decodes differently alone (a
   * character cut in its bytes, a leading space a SentencePiece decoder drops). Every token
   * decodes to at least one byte, so an occurrence ending at the last token lies inside; and
   * generation stops at the same token as with the whole text decoded at every step, which is
   * quadratic in the output's length. (The harness's stopping criterion, likewise, decodes only
   * the stop sequence's own token count plus two: lm_eval/models/utils.py:237-246 at
   * adding_all_changess, MultiTokenEOSCriteria.)
   */
  public static int lookbackTokens(List<String> until) {
    int longest = 0;
    for (String term : until) {
      longest = Math.max(longest, term.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
    return longest + 3;
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
