package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.text.LanguageDetection;

/**
 * {@code change_case:english_capital}: no lower-case letter (Python's {@code isupper}) and
 * langdetect says English (or cannot tell).
 */
public final class EnglishCapital implements Instruction {

  public EnglishCapital(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    return PyStr.isUpper(response)
        && LanguageDetection.detect(response).map("en"::equals).orElse(true);
  }
}
