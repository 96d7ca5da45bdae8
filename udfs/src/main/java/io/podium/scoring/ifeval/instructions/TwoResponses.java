package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code combination:two_responses}: two different non-empty responses separated by
 * {@code ******}; only the text before the first and after the last separator may be empty.
 */
public final class TwoResponses implements Instruction {

  public TwoResponses(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    List<String> parts = PyStr.split(response, "******");
    List<String> valid = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (PyStr.strip(parts.get(i)).isEmpty()) {
        if (i != 0 && i != parts.size() - 1) {
          return false;
        }
      } else {
        valid.add(parts.get(i));
      }
    }
    return valid.size() == 2
        && !PyStr.strip(valid.get(0)).equals(PyStr.strip(valid.get(1)));
  }
}
