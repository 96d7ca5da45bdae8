package io.podium.scoring.ifeval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scores one instruction on one response, for the instruction tests. */
final class Check {

  private Check() {}

  /** kwargs from alternating names and values (values may be null). */
  static Map<String, Object> kwargs(Object... namesAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return m;
  }

  static IfEvalVerdict score(String id, Map<String, Object> kwargs, String response) {
    return IfEvalScorer.score(new IfEvalPrompt(7, "a prompt", List.of(id), List.of(kwargs)),
        response);
  }

  static boolean strict(String id, Map<String, Object> kwargs, String response) {
    return score(id, kwargs, response).strict().get(0);
  }

  static boolean loose(String id, Map<String, Object> kwargs, String response) {
    return score(id, kwargs, response).loose().get(0);
  }
}
