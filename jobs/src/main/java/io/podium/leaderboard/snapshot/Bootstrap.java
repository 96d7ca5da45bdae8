package io.podium.leaderboard.snapshot;

import io.podium.leaderboard.normalize.Normalization;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * 95% intervals by bootstrap over documents, paired across models.
 *
 * <p>Each replicate resamples the documents of every covered subtask with replacement (the same
 * draw for every model, so models that share documents are compared on the same resample), and
 * recomputes each model's subtask metrics, normalized benchmark scores and average exactly as
 * the snapshot does. A model whose subtask has no per-document scores (imported harness results)
 * gets a parametric replicate instead: its value plus a normal draw of its standard error,
 * independent of the others. Intervals are the 2.5th and 97.5th percentiles; two models are
 * statistically tied when the interval of their paired difference of averages contains 0.
 * The generator is seeded, so the same inputs give the same intervals.
 */
final class Bootstrap {

  static final int REPLICATES = 1000;
  static final long SEED = 0x5EEDL;

  /** model -> benchmark -> normalized score per replicate; "average" holds the average. */
  private final Map<String, Map<String, double[]>> replicates = new HashMap<>();

  private Bootstrap() {}

  static Bootstrap run(SnapshotInputs in, Normalization rules, List<ModelStanding> standings, int replicateCount) {
    Bootstrap b = new Bootstrap();
    for (ModelStanding s : standings) {
      Map<String, double[]> mine = new LinkedHashMap<>();
      for (String benchmark : s.scores().keySet()) {
        mine.put(benchmark, new double[replicateCount]);
      }
      if (s.ranked()) {
        mine.put("average", new double[replicateCount]);
      }
      b.replicates.put(s.modelKey(), mine);
    }
    SplittableRandom documents = new SplittableRandom(SEED);
    Map<String, SplittableRandom> parametric = new HashMap<>();
    for (ModelStanding s : standings) {
      parametric.put(s.modelKey(), new SplittableRandom(SEED ^ s.modelKey().hashCode()));
    }
    for (int r = 0; r < replicateCount; r++) {
      Map<String, int[]> counts = new HashMap<>();
      for (Map.Entry<String, int[]> e : in.documents.entrySet()) {
        int n = e.getValue().length;
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
          c[documents.nextInt(n)]++;
        }
        counts.put(e.getKey(), c);
      }
      for (ModelStanding s : standings) {
        Map<String, double[]> mine = b.replicates.get(s.modelKey());
        double sum = 0;
        for (String benchmark : s.scores().keySet()) {
          Normalization.BenchmarkRule rule = rules.rule(benchmark);
          Map<String, Double> override = replicateValues(in, s.modelKey(), rule, counts,
              parametric.get(s.modelKey()));
          double score = rule.score(ModelStanding.subtaskResults(in, s.modelKey(), rule, override)).normalized();
          mine.get(benchmark)[r] = score;
          sum += score;
        }
        if (s.ranked()) {
          mine.get("average")[r] = sum / s.scores().size();
        }
      }
    }
    return b;
  }

  /** "subtask/metric" -> the replicate's value of each metric of the model's covered subtasks. */
  private static Map<String, Double> replicateValues(SnapshotInputs in, String model,
      Normalization.BenchmarkRule rule, Map<String, int[]> counts, SplittableRandom parametric) {
    Map<String, Double> values = new HashMap<>();
    Map<String, Map<Integer, SnapshotInputs.DocScore>> docs = in.docScores.getOrDefault(model, Map.of());
    for (String subtask : in.subtasks.get(rule.benchmark())) {
      String key = rule.benchmark() + "/" + subtask;
      for (String metric : rule.metrics()) {
        SnapshotInputs.TaskScore task = in.taskScores.get(model).get(key).get(metric);
        Map<Integer, SnapshotInputs.DocScore> perDoc = docs.get(key + "/" + metric);
        int[] ids = in.documents.get(key);
        Double value = null;
        if (perDoc != null && ids != null && perDoc.size() == ids.length) {
          value = resampled(ids, counts.get(key), perDoc);
        }
        if (value == null) {
          double se = task.stderr() != null ? task.stderr()
              : Math.sqrt(task.value() * (1 - task.value()) / Math.max(1, task.n()));
          value = Math.min(1.0, Math.max(0.0, task.value() + se * gaussian(parametric)));
        }
        values.put(subtask + "/" + metric, value);
      }
    }
    return values;
  }

  /** The metric over the resampled documents: sum(count * value * weight) / sum(count * weight). */
  private static Double resampled(int[] ids, int[] counts, Map<Integer, SnapshotInputs.DocScore> perDoc) {
    double numerator = 0;
    double denominator = 0;
    for (int i = 0; i < ids.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      SnapshotInputs.DocScore d = perDoc.get(ids[i]);
      if (d == null) {
        return null;
      }
      numerator += counts[i] * d.value() * d.weight();
      denominator += counts[i] * d.weight();
    }
    return denominator == 0 ? null : numerator / denominator;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** The 95% interval {low, high} of a model's benchmark (or "average"), or null. */
  double[] interval(String model, String benchmark) {
    double[] values = replicates.getOrDefault(model, Map.of()).get(benchmark);
    return values == null ? null : percentiles(values.clone());
  }

  /** Whether the 95% interval of the paired difference of two models' averages contains 0. */
  boolean tied(String a, String b) {
    double[] x = replicates.get(a).get("average");
    double[] y = replicates.get(b).get("average");
    double[] diff = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      diff[i] = x[i] - y[i];
    }
    double[] ci = percentiles(diff);
    return ci[0] <= 0 && 0 <= ci[1];
  }

  /** The 2.5th and 97.5th percentiles, interpolated linearly as numpy's default does. */
  static double[] percentiles(double[] values) {
    Arrays.sort(values);
    return new double[] {quantile(values, 0.025), quantile(values, 0.975)};
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }
}
