package io.podium.tasks;

import io.podium.python.PyRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The harness's {@code process_docs} functions that the leaderboard tasks use, by the name a
 * task definition gives them. Each maps a subtask's documents, in dataset order, to the
 * documents the templates see; order matters where the harness draws random numbers.
 */
public final class DocProcessors {

  /** The seed the harness's {@code simple_evaluate} gives Python's {@code random} by default. */
  public static final long GPQA_SEED = 0;

  private static final Pattern BRACKETED = Pattern.compile("\\[.*?\\]");

  /**
   * Every processor, by the name a task's {@code process_docs} gives; a new one is one entry
   * here. Each call of a factory gives a fresh processor (GPQA's carries its random generator).
   */
  private static final Map<String, Supplier<DocProcessor>> REGISTERED = new TreeMap<>(Map.of(
      "gpqa", DocProcessors::gpqa,
      "math_hard", () -> DocProcessors::mathAnswer));

  private DocProcessors() {}

  /** A fresh processor for one subtask; {@code null} means no processing. */
  public static DocProcessor create(String name) {
    if (name == null) {
      return DocProcessor.IDENTITY;
    }
    Supplier<DocProcessor> factory = REGISTERED.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown process_docs '" + name + "' (known: "
          + String.join(", ", REGISTERED.keySet()) + ")");
    }
    return factory.get();
  }

  /**
   * GPQA: clean the four answers as the harness's {@code preprocess} does, then shuffle them
   * with Python's {@code random.shuffle}. The harness shuffles with the process-wide generator
   * seeded once with 0, so its order depends on what else drew from it first; Podium seeds a
   * fresh generator with 0 for each subtask, which is the harness's order when that subtask is
   * the first to be processed.
   */
  static DocProcessor gpqa() {
    PyRandom random = new PyRandom(GPQA_SEED);
    return doc -> {
      String correct = gpqaPreprocess((String) doc.get("Correct Answer"));
      List<String> choices = new ArrayList<>(List.of(
          gpqaPreprocess((String) doc.get("Incorrect Answer 1")),
          gpqaPreprocess((String) doc.get("Incorrect Answer 2")),
          gpqaPreprocess((String) doc.get("Incorrect Answer 3")),
          correct));
      random.shuffle(choices);
      int answer = choices.indexOf(correct);
      Map<String, Object> processed = new LinkedHashMap<>(doc);
      for (int i = 0; i < 4; i++) {
        processed.put("choice" + (i + 1), choices.get(i));
      }
      processed.put("answer", "(" + (char) ('A' + answer) + ")");
      return processed;
    };
  }

  /** The harness's GPQA {@code preprocess}. */
  static String gpqaPreprocess(String text) {
    if (text == null) {
      return " ";
    }
    String t = text.strip();
    t = t.replace(" [title]", ". ");
    t = BRACKETED.matcher(t).replaceAll("");
    t = t.replace("  ", " ");
    return t;
  }

  /** MATH: the gold answer is the content of the solution's last {@code \boxed{}}. */
  static Map<String, Object> mathAnswer(Map<String, Object> doc) {
    String solution = (String) doc.get("solution");
    String answer = MathAnswers.removeBoxed(MathAnswers.lastBoxedOnlyString(solution));
    if (answer == null) {
      throw new InvalidDocException("solution has no \\boxed{...} answer");
    }
    Map<String, Object> processed = new LinkedHashMap<>(doc);
    processed.put("answer", answer);
    return processed;
  }
}
