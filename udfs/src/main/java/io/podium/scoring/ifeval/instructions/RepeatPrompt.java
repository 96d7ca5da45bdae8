package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.PyText;

/** {@code combination:repeat_prompt}: the response starts with {@code prompt_to_repeat}, ignoring case. */
public final class RepeatPrompt implements Instruction {

  private final String prompt;

  public RepeatPrompt(InstructionArgs args) {
    prompt = PyText.lower(PyText.strip(args.requireString("prompt_to_repeat")));
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyText.lower(PyText.strip(response)).startsWith(prompt);
  }
}
