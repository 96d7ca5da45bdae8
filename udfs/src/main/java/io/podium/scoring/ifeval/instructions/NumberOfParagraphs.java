package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Pattern;

/**
 * {@code length_constraints:number_paragraphs}: exactly {@code num_paragraphs} paragraphs
 * separated by the markdown divider {@code ***}. An empty paragraph is allowed only before the
 * first divider or after the last one.
 */
public final class NumberOfParagraphs implements Instruction {

  private static final Pattern DIVIDER = PyRegex.compile("\\s?\\*\\*\\*\\s?");

  private final int paragraphs;

  public NumberOfParagraphs(InstructionArgs args) {
    paragraphs = args.requireCount("num_paragraphs");
  }

  @Override
  public boolean isFollowedBy(String response) {
    String[] parts = DIVIDER.split(response, -1);
    int count = parts.length;
    for (int i = 0; i < parts.length; i++) {
      if (PyStr.strip(parts[i]).isEmpty()) {
        if (i == 0 || i == parts.length - 1) {
          count--;
        } else {
          return false;
        }
      }
    }
    return count == paragraphs;
  }
}
