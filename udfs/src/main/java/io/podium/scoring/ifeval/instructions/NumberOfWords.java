package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.instructions.Relation;

/**
 * {@code length_constraints:number_words}: the number of {@code \w+} runs (nltk's
 * {@code RegexpTokenizer(r"\w+")}, so "don't" is two words) is less than / at least
 * {@code num_words}.
 */
public final class NumberOfWords implements Instruction {

  private final int words;
  private final Relation relation;

  public NumberOfWords(InstructionArgs args) {
    words = args.requireCount("num_words");
    relation = args.requireRelation("relation");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return relation.holds(PyStr.countWords(response), words);
  }
}
