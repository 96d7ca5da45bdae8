package io.podium.scoring.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts the final answer from a response the way the leaderboard's MATH task did
 * ({@code get_unnormalized_answer}): "I hope it is correct." is appended, then the first
 * "Final Answer: The final answer is(.*?). I hope it is correct." is searched, where every
 * {@code .} is Python's (any character but "\n", so "\r" matches).
 */
public final class MinervaAnswer {

  /** What the harness returns when no final answer is found. */
  public static final String INVALID_ANSWER = "[invalidanswer]";

  private static final String END = "I hope it is correct.";
  private static final Pattern FINAL = Pattern.compile(
      "Final Answer: The final answer is(.*?). I hope it is correct.", Pattern.UNIX_LINES);

  private MinervaAnswer() {}

  /** The extracted answer (Python-stripped), or {@link #INVALID_ANSWER}. */
  public static String extract(String response) {
    Matcher m = FINAL.matcher(response + END);
    return m.find() ? PythonText.strip(m.group(1)) : INVALID_ANSWER;
  }
}
