package io.podium.scoring.choice;

import io.podium.scoring.DocumentScorer;
import io.podium.scoring.DocumentScorers;
import io.podium.scoring.ScorerProvider;
import io.podium.tasks.TaskDefinition;
import java.util.Map;

/** The harness's metrics of multiple_choice tasks (acc, acc_norm), as the task lists them. */
public final class ChoiceScorerProvider implements ScorerProvider {

  @Override
  public String name() {
    return DocumentScorers.MULTIPLE_CHOICE;
  }

  @Override
  public DocumentScorer create(TaskDefinition task, Map<String, String> options) {
    return new ChoiceScorer(task.metrics());
  }
}
