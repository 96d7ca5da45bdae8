package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;

/** {@code startend:quotation}: the whole response is wrapped in double quotation marks. */
public final class Quotation implements Instruction {

  public Quotation(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    String value = PyStr.strip(response);
    return value.length() > 1 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
  }
}
