package io.podium.scoring.math;

import io.podium.scoring.DocumentScorer;
import io.podium.scoring.ScorerProvider;
import io.podium.tasks.TaskDefinition;
import java.util.Map;

/**
 * {@code process_results: math_hard}: the answer extracted and compared with the gold one under
 * the option {@value #MATH_METHOD} (a {@link MathEquivalence} id; default the leaderboard fork's).
 */
public final class MathScorerProvider implements ScorerProvider {

  public static final String MATH_METHOD = "math_method";

  @Override
  public String name() {
    return "math_hard";
  }

  @Override
  public DocumentScorer create(TaskDefinition task, Map<String, String> options) {
    return new MathDocumentScorer(MathEquivalence.fromId(options.getOrDefault(MATH_METHOD, MathEquivalence.DEFAULT.id())));
  }
}
