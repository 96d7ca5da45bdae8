package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import io.podium.scoring.ifeval.instructions.Relation;
import java.util.regex.Pattern;

/**
 * {@code keywords:frequency}: the keyword occurs less than / at least {@code frequency} times,
 * ignoring case, counted as non-overlapping regex matches (so also inside longer words).
 */
public final class KeywordFrequency implements Instruction {

  private final Pattern keyword;
  private final int frequency;
  private final Relation relation;

  public KeywordFrequency(InstructionArgs args) {
    keyword = PyRegex.compile(PyStr.strip(args.requireString("keyword")), Pattern.CASE_INSENSITIVE);
    frequency = args.requireCount("frequency");
    relation = args.requireRelation("relation");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return relation.holds(PyRegex.countMatches(keyword, response), frequency);
  }
}
