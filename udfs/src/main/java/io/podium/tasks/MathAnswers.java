package io.podium.tasks;

/**
 * The harness's Minerva-style helpers for MATH gold answers: {@code last_boxed_only_string}
 * and {@code remove_boxed}, with the same edge cases ({@code "\\boxed "} without braces,
 * {@code \\fbox}).
 */
public final class MathAnswers {

  private MathAnswers() {}

  /** The last {@code \boxed{...}} (or {@code \fbox{...}}) of a solution, or null. */
  public static String lastBoxedOnlyString(String s) {
    int idx = s.lastIndexOf("\\boxed");
    if (s.contains("\\boxed ")) {
      String[] parts = s.split("\\\\boxed ", -1);
      return "\\boxed " + parts[parts.length - 1].split("\\$", -1)[0];
    }
    if (idx < 0) {
      idx = s.lastIndexOf("\\fbox");
      if (idx < 0) {
        return null;
      }
    }
    int open = 0;
    for (int i = idx; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        open++;
      }
      if (c == '}') {
        open--;
        if (open == 0) {
          return s.substring(idx, i + 1);
        }
      }
    }
    return null;
  }

  /** {@code remove_boxed}: the content of {@code \boxed{X}} or {@code \boxed X}; null if not boxed. */
  public static String removeBoxed(String boxed) {
    if (boxed == null) {
      return null;
    }
    if (boxed.contains("\\boxed ")) {
      return boxed.startsWith("\\boxed ") ? boxed.substring("\\boxed ".length()) : null;
    }
    if (boxed.startsWith("\\boxed{") && boxed.endsWith("}")) {
      return boxed.substring("\\boxed{".length(), boxed.length() - 1);
    }
    return null;
  }
}
