package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.LanguageDetection;
import io.podium.scoring.ifeval.text.PyText;

/**
 * {@code change_case:english_capital}: no lower-case letter (Python's {@code isupper}) and
 * langdetect says English (or cannot tell).
 */
public final class EnglishCapital implements Instruction {

  public EnglishCapital(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    return PyText.isUpper(response)
        && LanguageDetection.detect(response).map("en"::equals).orElse(true);
  }
}
