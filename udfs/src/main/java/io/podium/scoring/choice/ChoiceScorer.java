package io.podium.scoring.choice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.scoring.DocumentScore;
import io.podium.scoring.DocumentScorer;
import io.podium.scoring.SampleScore;
import io.podium.scoring.ScoringInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The harness's multiple-choice metrics ({@code ConfigurableTask.process_results} for
 * {@code output_type: multiple_choice}):
 *
 * <ul>
 *   <li>{@code acc}: 1 when the choice with the highest log-likelihood is the gold one;
 *   <li>{@code acc_norm}: the same after dividing each log-likelihood by the length of its
 *       choice string in characters (Python {@code len}: code points, without the target
 *       delimiter).
 * </ul>
 *
 * <p>Ties go to the lowest index, as {@code np.argmax} does; the tie is recorded in the
 * details. A gold index outside the choices ({@code -100}, the harness's marker for a target
 * that is not a choice) scores 0, as in the harness. What the harness would silently turn into
 * a wrong answer is reported instead: a document with a missing choice, or with a NaN or
 * infinite log-likelihood, is incomplete.
 */
public final class ChoiceScorer implements DocumentScorer {

  /** The metrics this scorer knows. */
  public static final List<String> METRICS = List.of("acc", "acc_norm");

  static final String METHOD = "harness";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<String> metrics;

  public ChoiceScorer(List<String> metrics) {
    for (String m : metrics) {
      if (!METRICS.contains(m)) {
        throw new IllegalArgumentException("unknown multiple-choice metric '" + m + "' (known: " + METRICS + ")");
      }
    }
    this.metrics = List.copyOf(metrics);
  }

  @Override
  public DocumentScore score(ScoringInput input) {
    List<String> choices = input.choices();
    if (choices == null || choices.isEmpty()) {
      throw new IllegalArgumentException(input.describe() + " has no choices; re-ingest it");
    }
    double[] lls = new double[choices.size()];
    boolean[] seen = new boolean[choices.size()];
    for (ScoringInput.Answer a : input.answers()) {
      int i = a.requestIndex();
      if (i < 0 || i >= lls.length) {
        throw new IllegalArgumentException(input.describe() + ": prediction for choice " + i + " but the document has "
            + lls.length + " choices; re-ingest and re-evaluate it");
      }
      if (a.loglikelihood() == null) {
        continue;
      }
      lls[i] = a.loglikelihood();
      seen[i] = true;
    }
    TreeSet<Integer> missing = new TreeSet<>();
    TreeSet<Integer> notFinite = new TreeSet<>();
    for (int i = 0; i < lls.length; i++) {
      if (!seen[i]) {
        missing.add(i);
      } else if (!Double.isFinite(lls[i])) {
        notFinite.add(i);
      }
    }
    if (!missing.isEmpty()) {
      return DocumentScore.incomplete((missing.size() > 1 ? "no predictions for choices " : "no prediction for choice ")
          + missing);
    }
    if (!notFinite.isEmpty()) {
      return DocumentScore.incomplete("log-likelihood is NaN or infinite for choice"
          + (notFinite.size() > 1 ? "s " : " ") + notFinite);
    }
    int gold = input.goldIndex() == null ? -100 : input.goldIndex();
    List<SampleScore> scores = new ArrayList<>(metrics.size());
    for (String metric : metrics) {
      double[] values = metric.equals("acc_norm") ? perCharacter(lls, choices) : lls;
      int chosen = argmax(values);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("loglikelihoods", lls);
      if (metric.equals("acc_norm")) {
        details.put("normalized", values);
      }
      List<Integer> tied = tiedWith(values, chosen);
      if (!tied.isEmpty()) {
        details.put("tied_with", tied);
      }
      scores.add(new SampleScore(metric, METHOD, chosen == gold ? 1.0 : 0.0, 1, chosen, gold, null, null, null,
          null, null, toJson(details)));
    }
    return DocumentScore.complete(scores);
  }

  /** Each log-likelihood divided by its choice's length in code points. */
  static double[] perCharacter(double[] lls, List<String> choices) {
    double[] out = new double[lls.length];
    for (int i = 0; i < lls.length; i++) {
      String c = choices.get(i);
      out[i] = lls[i] / c.codePointCount(0, c.length());
    }
    return out;
  }

  /** Index of the first maximum, like {@code np.argmax} on finite values. */
  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private static List<Integer> tiedWith(double[] values, int chosen) {
    List<Integer> tied = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (i != chosen && values[i] == values[chosen]) {
        tied.add(i);
      }
    }
    return tied;
  }

  static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
