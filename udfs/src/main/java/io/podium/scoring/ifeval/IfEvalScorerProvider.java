package io.podium.scoring.ifeval;

import io.podium.scoring.DocumentScorer;
import io.podium.scoring.ScorerProvider;
import io.podium.tasks.TaskDefinition;
import java.util.Map;

/** {@code process_results: ifeval}: the instruction checks, strict and loose. */
public final class IfEvalScorerProvider implements ScorerProvider {

  @Override
  public String name() {
    return "ifeval";
  }

  @Override
  public DocumentScorer create(TaskDefinition task, Map<String, String> options) {
    return new IfEvalDocumentScorer(task.metrics());
  }
}
