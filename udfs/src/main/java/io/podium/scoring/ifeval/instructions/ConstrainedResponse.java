package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.List;

/**
 * {@code detectable_format:constrained_response}: the response contains "My answer is yes.",
 * "My answer is no." or "My answer is maybe." (anywhere, case-sensitive).
 */
public final class ConstrainedResponse implements Instruction {

  private static final List<String> OPTIONS =
      List.of("My answer is yes.", "My answer is no.", "My answer is maybe.");

  public ConstrainedResponse(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    String value = PyStr.strip(response);
    return OPTIONS.stream().anyMatch(value::contains);
  }
}
