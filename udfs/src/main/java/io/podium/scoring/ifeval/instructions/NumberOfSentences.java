package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.instructions.Relation;
import io.podium.scoring.ifeval.text.PunktSentenceTokenizer;

/**
 * {@code length_constraints:number_sentences}: the Punkt sentence count (nltk's English model)
 * is less than / at least {@code num_sentences}.
 */
public final class NumberOfSentences implements Instruction {

  private final int threshold;
  private final Relation relation;

  public NumberOfSentences(InstructionArgs args) {
    threshold = args.requireCount("num_sentences");
    relation = args.requireRelation("relation");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return relation.holds(PunktSentenceTokenizer.english().countSentences(response), threshold);
  }
}
