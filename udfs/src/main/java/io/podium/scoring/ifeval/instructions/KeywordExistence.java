package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code keywords:existence}: every keyword appears, ignoring case. As in the reference, a keyword
 * is searched as a (Python) regular expression, not as a whole word: "cat" is found in "catalog".
 */
public final class KeywordExistence implements Instruction {

  private final List<Pattern> keywords;

  public KeywordExistence(InstructionArgs args) {
    keywords = args.requireStrings("keywords").stream()
        .map(k -> PyRegex.compile(k, Pattern.CASE_INSENSITIVE))
        .toList();
  }

  @Override
  public boolean isFollowedBy(String response) {
    return keywords.stream().allMatch(k -> k.matcher(response).find());
  }
}
