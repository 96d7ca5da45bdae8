package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.PyText;

/**
 * {@code startend:end_checker}: the response ends with {@code end_phrase}, ignoring case,
 * surrounding whitespace and surrounding double quotes.
 */
public final class EndPhrase implements Instruction {

  private final String phrase;

  public EndPhrase(InstructionArgs args) {
    phrase = PyText.lower(PyText.strip(args.requireString("end_phrase")));
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyText.lower(PyText.strip(PyText.strip(response), "\"")).endsWith(phrase);
  }
}
