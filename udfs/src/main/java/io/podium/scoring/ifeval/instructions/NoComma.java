package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;

/** {@code punctuation:no_comma}: no ASCII comma anywhere. */
public final class NoComma implements Instruction {

  public NoComma(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    return response.indexOf(',') < 0;
  }
}
