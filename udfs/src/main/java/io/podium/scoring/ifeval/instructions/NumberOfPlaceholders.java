package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Pattern;

/**
 * {@code detectable_content:number_placeholders}: at least {@code num_placeholders} square-bracket
 * placeholders such as {@code [address]} (on one line; {@code []} counts too).
 */
public final class NumberOfPlaceholders implements Instruction {

  private static final Pattern PLACEHOLDER = PyRegex.compile("\\[.*?\\]");

  private final int placeholders;

  public NumberOfPlaceholders(InstructionArgs args) {
    placeholders = args.requireCount("num_placeholders");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyRegex.countMatches(PLACEHOLDER, response) >= placeholders;
  }
}
