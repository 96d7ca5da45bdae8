package io.podium.score.responses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pairs response lines with the records they answer, by exact text. A line whose text matches
 * no record is paired with the closest record that has no response yet, when that record is
 * unambiguously the same prompt (at least {@value #MIN_SIMILARITY} similar, e.g. one edited
 * phrase between two versions of a dataset); it is reported either way.
 *
 * @param <R> the record type
 */
final class PromptMatcher<R> {

  static final double MIN_SIMILARITY = 0.95;

  /** A record and the response line that answers it. */
  record Pair<R>(R record, JsonLines.Line line) {}

  /** The pairs in record order, and what needs the user's attention. */
  record Result<R>(List<Pair<R>> pairs, List<String> warnings, List<JsonLines.Line> unmatched,
      List<R> unanswered) {}

  private final Map<String, R> byText = new LinkedHashMap<>();
  private final Function<R, String> describe;

  PromptMatcher(List<R> records, Function<R, String> text, Function<R, String> describe) {
    for (R r : records) {
      byText.putIfAbsent(text.apply(r), r);
    }
    this.describe = describe;
  }

  Result<R> match(List<JsonLines.Line> lines, String field) {
    Map<String, JsonLines.Line> answered = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<JsonLines.Line> unmatched = new ArrayList<>();
    for (JsonLines.Line line : lines) {
      String text = line.string(field);
      if (byText.containsKey(text)) {
        JsonLines.Line before = answered.put(text, line);
        if (before != null) {
          warnings.add(line.where() + " answers the same " + field + " as line " + before.number()
              + " (" + describe.apply(byText.get(text)) + "); the later line is used");
        }
      } else {
        unmatched.add(line);
      }
    }
    List<JsonLines.Line> stillUnmatched = new ArrayList<>();
    for (JsonLines.Line line : unmatched) {
      String text = line.string(field);
      String best = null;
      double bestSimilarity = 0;
      int close = 0;
      for (String candidate : byText.keySet()) {
        if (answered.containsKey(candidate) || Math.abs(candidate.length() - text.length())
            > (1 - MIN_SIMILARITY) * Math.max(candidate.length(), text.length())) {
          continue;
        }
        double s = similarity(text, candidate);
        if (s >= MIN_SIMILARITY) {
          close++;
          if (s > bestSimilarity) {
            best = candidate;
            bestSimilarity = s;
          }
        }
      }
      if (close == 1) {
        answered.put(best, line);
        warnings.add(String.format("%s: its %s is not in the prompts file; paired with %s, the closest %s"
            + " without a response (%.1f%% similar); check that both files are the same version", line.where(),
            field, describe.apply(byText.get(best)), field, 100 * bestSimilarity));
      } else {
        stillUnmatched.add(line);
      }
    }
    List<Pair<R>> pairs = new ArrayList<>();
    List<R> unanswered = new ArrayList<>();
    for (Map.Entry<String, R> e : byText.entrySet()) {
      JsonLines.Line line = answered.get(e.getKey());
      if (line != null) {
        pairs.add(new Pair<>(e.getValue(), line));
      } else {
        unanswered.add(e.getValue());
      }
    }
    return new Result<>(pairs, warnings, stillUnmatched, unanswered);
  }

  /** 1 - Levenshtein distance / length of the longer string. */
  static double similarity(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int cost = ca == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    int longer = Math.max(a.length(), b.length());
    return longer == 0 ? 1.0 : 1.0 - (double) previous[b.length()] / longer;
  }
}
