package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.instructions.Relation;

/**
 * {@code keywords:letter_frequency}: the letter (any case) occurs less than / at least
 * {@code let_frequency} times.
 *
 * <p>Where the {@code letter} kwarg is not a single ASCII letter (the dataset has "#" for key 1122
 * and "!" for key 1129), the reference silently checks a random letter instead, so its verdict
 * is a coin toss. Podium cannot reproduce that; it counts the instruction as not followed, since
 * the instruction as given cannot be verified.
 */
public final class LetterFrequency implements Instruction {

  private final char letter;
  private final int frequency;
  private final Relation relation;

  public LetterFrequency(InstructionArgs args) {
    String given = args.string("letter").orElse("");
    letter = isAsciiLetter(given) ? PyStr.lower(PyStr.strip(given)).charAt(0) : 0;
    frequency = args.requireCount("let_frequency");
    relation = args.requireRelation("let_relation");
  }

  private static boolean isAsciiLetter(String s) {
    if (s.length() != 1) {
      return false;
    }
    char c = Character.toLowerCase(s.charAt(0));
    return c >= 'a' && c <= 'z';
  }

  @Override
  public boolean isFollowedBy(String response) {
    if (letter == 0) {
      return false;
    }
    String lower = PyStr.lower(response);
    int count = 0;
    for (int i = 0; i < lower.length(); i++) {
      if (lower.charAt(i) == letter) {
        count++;
      }
    }
    return relation.holds(count, frequency);
  }
}
