package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;

/**
 * {@code startend:end_checker}: the response ends with {@code end_phrase}, ignoring case,
 * surrounding whitespace and surrounding double quotes.
 */
public final class EndPhrase implements Instruction {

  private final String phrase;

  public EndPhrase(InstructionArgs args) {
    phrase = PyStr.lower(PyStr.strip(args.requireString("end_phrase")));
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyStr.lower(PyStr.strip(PyStr.strip(response), "\"")).endsWith(phrase);
  }
}
