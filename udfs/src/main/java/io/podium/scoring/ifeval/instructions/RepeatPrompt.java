package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;

/** {@code combination:repeat_prompt}: the response starts with {@code prompt_to_repeat}, ignoring case. */
public final class RepeatPrompt implements Instruction {

  private final String prompt;

  public RepeatPrompt(InstructionArgs args) {
    prompt = PyStr.lower(PyStr.strip(args.requireString("prompt_to_repeat")));
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyStr.lower(PyStr.strip(response)).startsWith(prompt);
  }
}
