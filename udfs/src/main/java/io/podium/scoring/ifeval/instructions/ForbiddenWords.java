package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.List;
import java.util.regex.Pattern;

/** {@code keywords:forbidden_words}: none of the words appears as a whole word, ignoring case. */
public final class ForbiddenWords implements Instruction {

  private final List<Pattern> words;

  public ForbiddenWords(InstructionArgs args) {
    words = args.requireStrings("forbidden_words").stream()
        .map(w -> PyRegex.compile("\\b" + w + "\\b", Pattern.CASE_INSENSITIVE))
        .toList();
  }

  @Override
  public boolean isFollowedBy(String response) {
    return words.stream().noneMatch(w -> w.matcher(response).find());
  }
}
