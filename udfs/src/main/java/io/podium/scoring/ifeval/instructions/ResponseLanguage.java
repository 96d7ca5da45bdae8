package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.text.LanguageDetection;

/**
 * {@code language:response_language}: langdetect names the given language (an ISO 639-1 code).
 * As in the reference, a text langdetect cannot classify (no letters) passes.
 */
public final class ResponseLanguage implements Instruction {

  private final String language;

  public ResponseLanguage(InstructionArgs args) {
    language = args.requireString("language");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return LanguageDetection.detect(response).map(language::equals).orElse(true);
  }
}
