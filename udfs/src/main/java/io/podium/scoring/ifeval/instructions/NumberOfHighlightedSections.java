package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code detectable_format:number_highlighted_sections}: at least {@code num_highlights}
 * non-empty {@code *highlighted*} spans on one line. As in the reference, a {@code **bold**} span
 * is counted twice (once by each pattern) and {@code **a** b **c**} finds {@code *a*},
 * {@code * b *}, {@code *c*}.
 */
public final class NumberOfHighlightedSections implements Instruction {

  private static final Pattern SINGLE = Pattern.compile("\\*[^\\n*]*\\*");
  private static final Pattern DOUBLE = Pattern.compile("\\*\\*[^\\n*]*\\*\\*");

  private final int highlights;

  public NumberOfHighlightedSections(InstructionArgs args) {
    highlights = args.requireCount("num_highlights");
  }

  @Override
  public boolean isFollowedBy(String response) {
    int count = 0;
    Matcher single = SINGLE.matcher(response);
    while (single.find()) {
      if (!PyStr.strip(PyStr.strip(single.group(), "*")).isEmpty()) {
        count++;
      }
    }
    Matcher dbl = DOUBLE.matcher(response);
    while (dbl.find()) {
      String g = dbl.group();
      if (!PyStr.strip(g.substring(2, g.length() - 2)).isEmpty()) {
        count++;
      }
    }
    return count >= highlights;
  }
}
