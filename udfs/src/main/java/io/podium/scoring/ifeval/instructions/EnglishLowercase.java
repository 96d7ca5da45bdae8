package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.text.LanguageDetection;

/**
 * {@code change_case:english_lowercase}: no upper-case letter (Python's {@code islower}) and
 * langdetect says English (or cannot tell).
 */
public final class EnglishLowercase implements Instruction {

  public EnglishLowercase(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    return PyStr.isLower(response)
        && LanguageDetection.detect(response).map("en"::equals).orElse(true);
  }
}
