package io.podium.scoring;

import io.podium.tasks.OutputType;
import io.podium.tasks.TaskDefinition;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Picks the scorer of a benchmark from its definition, as the harness picks process_results:
 * the registered {@link ScorerProvider}s, by name.
 */
public final class DocumentScorers {

  /** The provider of the harness's built-in metrics of multiple_choice tasks. */
  public static final String MULTIPLE_CHOICE = "multiple_choice";

  private static final Map<String, ScorerProvider> PROVIDERS = load();

  private DocumentScorers() {}

  /**
   * The scorer of {@code task}: the built-in choice metrics for multiple_choice tasks, else the
   * one its {@code process_results} names.
   *
   * @param options scoring options by name (e.g. {@code math_method})
   */
  public static DocumentScorer forTask(TaskDefinition task, Map<String, String> options) {
    String name = task.outputType() == OutputType.MULTIPLE_CHOICE ? MULTIPLE_CHOICE : task.processResults();
    ScorerProvider provider = name == null ? null : PROVIDERS.get(name);
    if (provider == null || (name.equals(MULTIPLE_CHOICE) && task.outputType() != OutputType.MULTIPLE_CHOICE)) {
      throw new IllegalArgumentException(task.benchmark() + ": unknown process_results '" + task.processResults()
          + "' (known: " + String.join(", ", PROVIDERS.keySet().stream().filter(n -> !n.equals(MULTIPLE_CHOICE))
          .toList()) + ")");
    }
    return provider.create(task, options);
  }

  private static Map<String, ScorerProvider> load() {
    Map<String, ScorerProvider> out = new TreeMap<>();
    for (ScorerProvider p : ServiceLoader.load(ScorerProvider.class, ScorerProvider.class.getClassLoader())) {
      if (out.put(p.name(), p) != null) {
        throw new IllegalStateException("two scorers are named " + p.name());
      }
    }
    return out;
  }
}
