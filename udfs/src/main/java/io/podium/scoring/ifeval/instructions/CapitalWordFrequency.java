package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.Relation;
import io.podium.scoring.ifeval.text.NltkWordTokenizer;
import io.podium.scoring.ifeval.text.PyText;

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
        .filter(PyText::isUpper)
        .count();
    return relation.holds(capitals, frequency);
  }
}
