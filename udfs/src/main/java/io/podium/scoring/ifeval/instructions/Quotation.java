package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.PyText;

/** {@code startend:quotation}: the whole response is wrapped in double quotation marks. */
public final class Quotation implements Instruction {

  public Quotation(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    String value = PyText.strip(response);
    return value.length() > 1 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"';
  }
}
