package io.podium.leaderboard.normalize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.podium.conf.PodiumConf;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Open LLM Leaderboard v2's published normalization ({@code conf/leaderboard/normalization.yaml}):
 * how each benchmark's task scores become its raw and normalized (0-100) column, and the CO2
 * estimate. The data lives in that one file; this type holds and applies it.
 *
 * @param benchmarks the six benchmarks, in the leaderboard's column order
 * @param co2 the CO2 estimate's constants
 */
public record Normalization(List<BenchmarkRule> benchmarks, Co2 co2) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

  public Normalization {
    benchmarks = List.copyOf(benchmarks);
    Objects.requireNonNull(co2, "co2");
  }

  /** The leaderboard's rules as shipped ({@code conf/leaderboard/normalization.yaml}). */
  public static Normalization shipped() throws IOException {
    return PodiumConf.load("conf/leaderboard/normalization.yaml", Normalization::load);
  }

  /** Reads the rules; a failure names the file. */
  public static Normalization load(InputStream in, String fileName) throws IOException {
    try {
      return YAML.readValue(in, Normalization.class);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IOException("invalid normalization file " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** The rule of a benchmark; IllegalArgumentException when it has none. */
  public BenchmarkRule rule(String benchmark) {
    return benchmarks.stream().filter(b -> b.benchmark().equals(benchmark)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no normalization rule for benchmark " + benchmark
            + " in conf/leaderboard/normalization.yaml"));
  }

  /**
   * The published normalization: {@code max(0, (raw - lower) / (1 - lower)) * 100}.
   *
   * @param lowerBound the random baseline, {@code 1 / choices} (0 for generation tasks)
   */
  public static double normalize(double raw, double lowerBound) {
    return Math.max(0.0, (raw - lowerBound) / (1.0 - lowerBound)) * 100.0;
  }

  /** The random baseline of a task with {@code choices} choices (0: a generation task). */
  public static double lowerBound(int choices) {
    return choices == 0 ? 0.0 : 1.0 / choices;
  }

  /**
   * The CO2 estimate the leaderboard showed.
   *
   * @param powerKw power drawn during the evaluation
   * @param gramsPerKwh carbon intensity of the electricity
   */
  public record Co2(double powerKw, double gramsPerKwh) {

    /** Kilograms of CO2 for an evaluation of {@code seconds}; null when the time is unknown or not positive. */
    public Double kilograms(Double seconds) {
      if (seconds == null || !(seconds > 0)) {
        return null;
      }
      return seconds / 3600.0 * powerKw * gramsPerKwh / 1000.0;
    }
  }

  /** How the subtask scores of a benchmark are combined (see the YAML file's comment). */
  public enum Combine {
    MEAN_OF_NORMALIZED_SUBTASKS, SIZE_WEIGHTED, MEAN_OF_METRICS
  }

  /**
   * One benchmark's rule.
   *
   * @param benchmark Podium benchmark name
   * @param column the leaderboard's column title
   * @param combine how subtasks (or metrics) are combined
   * @param metrics the task metrics used
   * @param choices choices of every subtask (0 for generation), when they are all alike
   * @param subtaskChoices choices per subtask, when they differ
   */
  public record BenchmarkRule(String benchmark, String column, Combine combine, List<String> metrics,
      Integer choices, Map<String, Integer> subtaskChoices) {

    public BenchmarkRule {
      Objects.requireNonNull(benchmark, "benchmark");
      Objects.requireNonNull(combine, "combine of " + benchmark);
      if (metrics == null || metrics.isEmpty()) {
        throw new IllegalArgumentException(benchmark + ": metrics are required");
      }
      metrics = List.copyOf(metrics);
      if ((choices == null) == (subtaskChoices == null)) {
        throw new IllegalArgumentException(benchmark + ": give exactly one of choices and subtask_choices");
      }
      subtaskChoices = subtaskChoices == null ? null : Map.copyOf(subtaskChoices);
    }

    /** The random baseline of a subtask. */
    public double lowerBound(String subtask) {
      if (choices != null) {
        return Normalization.lowerBound(choices);
      }
      Integer k = subtaskChoices.get(subtask);
      if (k == null) {
        throw new IllegalArgumentException(benchmark + "/" + subtask + " has no number of choices in"
            + " conf/leaderboard/normalization.yaml (subtask_choices of " + benchmark + ")");
      }
      return Normalization.lowerBound(k);
    }

    /**
     * The raw and normalized score from the subtasks' metric values. Every listed metric must be
     * present in every subtask.
     */
    public Score score(List<SubtaskResult> subtasks) {
      if (subtasks.isEmpty()) {
        throw new IllegalArgumentException(benchmark + ": no subtask scores");
      }
      return switch (combine) {
        case MEAN_OF_NORMALIZED_SUBTASKS -> {
          String metric = metrics.get(0);
          double raw = 0;
          double normalized = 0;
          for (SubtaskResult s : subtasks) {
            double v = s.value(metric);
            raw += v;
            normalized += normalize(v, lowerBound(s.subtask()));
          }
          yield new Score(raw / subtasks.size(), normalized / subtasks.size());
        }
        case SIZE_WEIGHTED -> {
          double raw = weighted(subtasks, metrics.get(0));
          yield new Score(raw, normalize(raw, lowerBound(subtasks.get(0).subtask())));
        }
        case MEAN_OF_METRICS -> {
          double raw = 0;
          for (String metric : metrics) {
            raw += weighted(subtasks, metric);
          }
          raw /= metrics.size();
          yield new Score(raw, normalize(raw, lowerBound(subtasks.get(0).subtask())));
        }
      };
    }

    private static double weighted(List<SubtaskResult> subtasks, String metric) {
      double sum = 0;
      long n = 0;
      for (SubtaskResult s : subtasks) {
        sum += s.value(metric) * s.n();
        n += s.n();
      }
      return sum / n;
    }
  }

  /**
   * A subtask's metric values and its number of documents.
   *
   * @param subtask subtask name
   * @param values metric -> value
   * @param n documents
   */
  public record SubtaskResult(String subtask, Map<String, Double> values, long n) {

    public double value(String metric) {
      Double v = values.get(metric);
      if (v == null) {
        throw new IllegalArgumentException("subtask " + subtask + " has no " + metric + " score");
      }
      return v;
    }
  }

  /** A benchmark's raw score (0-1) and normalized score (0-100). */
  public record Score(double raw, double normalized) {}
}
