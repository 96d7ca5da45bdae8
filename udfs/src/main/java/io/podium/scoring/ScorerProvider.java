package io.podium.scoring;

import io.podium.tasks.TaskDefinition;
import java.util.Map;

/**
 * Makes the {@link DocumentScorer} of the tasks that name it: the harness's
 * {@code process_results} functions ({@code process_results: math_hard}) and its built-in
 * multiple-choice metrics ({@value DocumentScorers#MULTIPLE_CHOICE}). Each one is registered once,
 * by a line in {@code META-INF/services/io.podium.scoring.ScorerProvider}.
 */
public interface ScorerProvider {

  /** The name a task definition gives ({@code process_results}). */
  String name();

  /**
   * The scorer of {@code task}.
   *
   * @param options scoring options by name (e.g. {@code math_method}); a provider reads its own
   *     and ignores the rest
   */
  DocumentScorer create(TaskDefinition task, Map<String, String> options);
}
