package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.PyText;
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
    String value = PyText.strip(response);
    return OPTIONS.stream().anyMatch(value::contains);
  }
}
