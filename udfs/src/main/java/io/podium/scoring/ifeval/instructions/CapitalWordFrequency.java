package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.instructions.Relation;
import io.podium.scoring.ifeval.text.NltkWordTokenizer;

/**
 * {@code change_case:capital_word_frequency}: the number of all-capital tokens of nltk's
 * {@code word_tokenize} ("DON'T" is two, "AI-driven" none) is less than / at least
 * {@code capital_frequency}.
 */
public final class CapitalWordFrequency implements Instruction {

  private final int frequency;
  private final Relation relation;

  public CapitalWordFrequency(InstructionArgs args) {
    frequency = args.requireInt("capital_frequency");
    relation = args.requireRelation("capital_relation");
  }

  @Override
  public boolean isFollowedBy(String response) {
    long capitals = NltkWordTokenizer.wordTokenize(response).stream()
        .filter(PyStr::isUpper)
        .count();
    return relation.holds(capitals, frequency);
  }
}
