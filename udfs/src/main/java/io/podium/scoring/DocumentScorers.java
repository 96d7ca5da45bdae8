package io.podium.scoring;

import io.podium.scoring.choice.ChoiceScorer;
import io.podium.scoring.ifeval.IfEvalDocumentScorer;
import io.podium.scoring.math.MathDocumentScorer;
import io.podium.scoring.math.MathEquivalence;
import io.podium.tasks.OutputType;
import io.podium.tasks.TaskDefinition;

/** Picks the scorer of a benchmark from its definition, as the harness picks process_results. */
public final class DocumentScorers {

  private DocumentScorers() {}

  /**
   * The scorer of {@code task}: the built-in choice metrics for multiple_choice tasks, else the
   * one its {@code process_results} names.
   *
   * @param mathMethod how MATH answers are compared
   */
  public static DocumentScorer forTask(TaskDefinition task, MathEquivalence mathMethod) {
    if (task.outputType() == OutputType.MULTIPLE_CHOICE) {
      return new ChoiceScorer(task.metrics());
    }
    return switch (task.processResults()) {
      case "math_hard" -> new MathDocumentScorer(mathMethod);
      case "ifeval" -> new IfEvalDocumentScorer(task.metrics());
      default -> throw new IllegalArgumentException(task.benchmark() + ": unknown process_results '"
          + task.processResults() + "' (known: math_hard, ifeval)");
    };
  }
}
