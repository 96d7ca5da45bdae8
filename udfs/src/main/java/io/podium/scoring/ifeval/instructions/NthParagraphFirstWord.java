package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.List;

/**
 * {@code length_constraints:nth_paragraph_first_word}: exactly {@code num_paragraphs} non-empty
 * paragraphs separated by blank lines ({@code "\n\n"}), and paragraph {@code nth_paragraph} starts
 * with {@code first_word} (ignoring case, leading quotes and anything from the first
 * punctuation mark on).
 *
 * <p>As in the reference, the count skips empty paragraphs but the n-th paragraph is picked from
 * the list that still has them.
 */
public final class NthParagraphFirstWord implements Instruction {

  private static final String PUNCTUATION = ".,?!'\"";

  private final int paragraphs;
  private final int nth;
  private final String firstWord;

  public NthParagraphFirstWord(InstructionArgs args) {
    paragraphs = args.requireCount("num_paragraphs");
    nth = args.requireInt("nth_paragraph");
    if (nth <= 0 || nth > paragraphs) {
      throw new IllegalArgumentException(args.instructionId() + ": nth_paragraph " + nth
          + " is outside 1.." + paragraphs + " (the reference would draw a random one)");
    }
    firstWord = PyStr.lower(args.requireString("first_word"));
  }

  @Override
  public boolean isFollowedBy(String response) {
    List<String> parts = PyStr.split(response, "\n\n");
    int count = 0;
    for (String p : parts) {
      if (!PyStr.strip(p).isEmpty()) {
        count++;
      }
    }
    if (nth > count) {
      return false;
    }
    String paragraph = PyStr.strip(parts.get(nth - 1));
    if (paragraph.isEmpty()) {
      return false;
    }
    String word = PyStr.strip(PyStr.split(paragraph).get(0));
    word = PyStr.lstrip(PyStr.lstrip(word, "'"), "\"");
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      if (PUNCTUATION.indexOf(cp) >= 0) {
        break;
      }
      first.append(PyStr.lower(new String(Character.toChars(cp))));
      i += Character.charCount(cp);
    }
    return count == paragraphs && first.toString().equals(firstWord);
  }
}
