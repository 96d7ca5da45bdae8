package io.podium.leaderboard.snapshot;

import io.podium.leaderboard.normalize.Normalization;
import io.podium.leaderboard.normalize.Normalization.SubtaskResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One model's place on the board before ranking: the raw and normalized score of each complete
 * benchmark, what is missing, and the MATH method its scores used.
 *
 * @param modelKey the model
 * @param scores benchmark -> score, for the benchmarks whose every covered subtask is scored
 * @param missing what keeps it from being ranked ("bbh/navigate", "mmlu_pro" when a whole benchmark is absent,
 *     "bbh/navigate (partial: 2 of 250 docs)" for a task scored over some of its documents, "bbh on 34
 *     documents, the ranked models on 5761" for a model complete on other documents than the board's)
 * @param mathMethods the methods of its MATH scores
 * @param documents documents its scores stand on, over the covered subtasks it has a score of
 */
record ModelStanding(String modelKey, Map<String, Normalization.Score> scores, List<String> missing,
    TreeSet<String> mathMethods, long documents) {

  boolean ranked() {
    return missing.isEmpty();
  }

  /** The mean of the six normalized scores, or null when a benchmark is missing. */
  Double average() {
    if (!ranked()) {
      return null;
    }
    return scores.values().stream().mapToDouble(Normalization.Score::normalized).average().orElseThrow();
  }

  /**
   * Computes the standing of every model with task scores: complete models on the board's
   * documents are ranked; the others are listed apart with what they lack or which documents
   * their scores stand on instead (see {@link DocumentSets}).
   */
  static List<ModelStanding> of(SnapshotInputs in, Normalization rules) {
    Map<String, Map<String, DocumentSets.Evaluated>> sets = DocumentSets.of(in, rules);
    List<ModelStanding> scored = scored(in, rules, sets);
    List<String> complete = scored.stream().filter(ModelStanding::ranked).map(ModelStanding::modelKey).toList();
    Map<String, DocumentSets.Evaluated> board = DocumentSets.board(sets, complete);
    List<ModelStanding> out = new ArrayList<>();
    for (ModelStanding s : scored) {
      List<String> elsewhere = s.ranked() ? DocumentSets.differences(sets.get(s.modelKey()), board) : List.of();
      out.add(elsewhere.isEmpty() ? s
          : new ModelStanding(s.modelKey(), s.scores(), elsewhere, s.mathMethods(), s.documents()));
    }
    return out;
  }

  /** Each model's scores and what it lacks, before documents are compared. */
  private static List<ModelStanding> scored(SnapshotInputs in, Normalization rules,
      Map<String, Map<String, DocumentSets.Evaluated>> sets) {
    List<ModelStanding> out = new ArrayList<>();
    for (String model : in.taskScores.keySet()) {
      Map<String, Normalization.Score> scores = new LinkedHashMap<>();
      List<String> missing = new ArrayList<>();
      TreeSet<String> mathMethods = new TreeSet<>();
      for (Normalization.BenchmarkRule rule : rules.benchmarks()) {
        List<SubtaskResult> results = subtaskResults(in, model, rule, null);
        if (results == null) {
          missing.addAll(missingOf(in, model, rule));
          continue;
        }
        scores.put(rule.benchmark(), rule.score(results));
        if (rule.benchmark().equals("math_hard")) {
          in.taskScores.get(model).forEach((key, byMetric) -> {
            if (key.startsWith("math_hard/")) {
              byMetric.values().forEach(t -> mathMethods.add(t.method()));
            }
          });
        }
      }
      out.add(new ModelStanding(model, scores, missing, mathMethods, DocumentSets.documents(sets.get(model))));
    }
    return out;
  }

  /**
   * The model's results for the covered subtasks of a benchmark, or null if one is missing.
   *
   * @param override replacement metric values ("subtask/metric" -> value), e.g. a bootstrap replicate; may be null
   */
  static List<SubtaskResult> subtaskResults(SnapshotInputs in, String model, Normalization.BenchmarkRule rule,
      Map<String, Double> override) {
    Map<String, Map<String, SnapshotInputs.TaskScore>> mine = in.taskScores.getOrDefault(model, Map.of());
    List<SubtaskResult> results = new ArrayList<>();
    for (String subtask : in.subtasks.get(rule.benchmark())) {
      Map<String, SnapshotInputs.TaskScore> byMetric = mine.get(rule.benchmark() + "/" + subtask);
      if (!scored(byMetric, rule)) {
        return null;
      }
      Map<String, Double> values = new LinkedHashMap<>();
      long n = 0;
      for (String metric : rule.metrics()) {
        Double replaced = override == null ? null : override.get(subtask + "/" + metric);
        values.put(metric, replaced != null ? replaced : byMetric.get(metric).value());
        n = byMetric.get(metric).n();
      }
      results.add(new SubtaskResult(subtask, values, n));
    }
    return results;
  }

  private static List<String> missingOf(SnapshotInputs in, String model, Normalization.BenchmarkRule rule) {
    Map<String, Map<String, SnapshotInputs.TaskScore>> mine = in.taskScores.getOrDefault(model, Map.of());
    List<String> absent = new ArrayList<>();
    List<String> covered = in.subtasks.get(rule.benchmark());
    List<String> partial = new ArrayList<>();
    for (String subtask : covered) {
      Map<String, SnapshotInputs.TaskScore> byMetric = mine.get(rule.benchmark() + "/" + subtask);
      if (byMetric == null || !byMetric.keySet().containsAll(rule.metrics())) {
        absent.add(rule.benchmark() + "/" + subtask);
      } else if (!scored(byMetric, rule)) {
        SnapshotInputs.TaskScore some = byMetric.get(rule.metrics().get(0));
        partial.add(rule.benchmark() + "/" + subtask + " (partial: " + some.n() + " of " + some.docs() + " docs)");
      }
    }
    List<String> missing = new ArrayList<>(absent.size() == covered.size() ? List.of(rule.benchmark()) : absent);
    missing.addAll(partial);
    return missing;
  }

  /** Whether a subtask has every metric of the rule, each over all of its documents. */
  private static boolean scored(Map<String, SnapshotInputs.TaskScore> byMetric, Normalization.BenchmarkRule rule) {
    return byMetric != null && byMetric.keySet().containsAll(rule.metrics())
        && rule.metrics().stream().noneMatch(m -> byMetric.get(m).partial());
  }
}
