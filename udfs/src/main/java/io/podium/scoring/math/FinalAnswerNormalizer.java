package io.podium.scoring.math;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code normalize_final_answer} of the leaderboard's MATH task (Minerva, Lewkowycz et al. 2022,
 * appendix D), rule for rule, with Python's regex semantics ({@code .} does not match "\n").
 */
public final class FinalAnswerNormalizer {

  /** Plain substring substitutions, applied in order. */
  static final List<String[]> SUBSTITUTIONS = List.of(
      new String[] {"an ", ""},
      new String[] {"a ", ""},
      new String[] {".$", "$"},
      new String[] {"\\$", ""},
      new String[] {"\\ ", ""},
      new String[] {" ", ""},
      new String[] {"mbox", "text"},
      new String[] {",\\text{and}", ","},
      new String[] {"\\text{and}", ","},
      new String[] {"\\text{m}", "\\text{}"});

  /** Substrings deleted, in order (units, words, spacing commands...). */
  static final List<String> REMOVED_EXPRESSIONS = List.of(
      "square", "ways", "integers", "dollars", "mph", "inches", "ft", "hours", "km", "units",
      "\\ldots", "sue", "points", "feet", "minutes", "digits", "cents", "degrees", "cm", "gm",
      "pounds", "meters", "meals", "edges", "students", "childrentickets", "multiples",
      "\\text{s}", "\\text{.}", "\\text{\ns}", "\\text{}^2", "\\text{}^3", "\\text{\n}",
      "\\text{}", "\\mathrm{th}", "^\\circ", "^{\\circ}", "\\;", ",\\!", "{,}", "\"", "\\dots");

  private static final int FLAGS = Pattern.UNIX_LINES;
  private static final Pattern MATH_SPAN = Pattern.compile("(.*?)(\\$)(.*?)(\\$)(.*)", FLAGS);
  private static final Pattern TEXT = Pattern.compile("(\\\\text\\{)(.*?)(\\})", FLAGS);
  private static final Pattern TEXTBF = Pattern.compile("(\\\\textbf\\{)(.*?)(\\})", FLAGS);
  private static final Pattern OVERLINE = Pattern.compile("(\\\\overline\\{)(.*?)(\\})", FLAGS);
  private static final Pattern BOXED = Pattern.compile("(\\\\boxed\\{)(.*)(\\})", FLAGS);
  private static final Pattern FRAC_SHORT = Pattern.compile("(frac)([^{])(.)", FLAGS);
  private static final Pattern SQRT_SHORT = Pattern.compile("(sqrt)([^{])", FLAGS);

  private FinalAnswerNormalizer() {}

  /** The normalized answer. */
  public static String normalize(String answer) {
    // Python's str.split("=")[-1]: the text after the last "=".
    String s = answer.substring(answer.lastIndexOf('=') + 1);
    for (String[] sub : SUBSTITUTIONS) {
      s = s.replace(sub[0], sub[1]);
    }
    for (String removed : REMOVED_EXPRESSIONS) {
      s = s.replace(removed, "");
    }
    s = MATH_SPAN.matcher(s).replaceAll("\\$$3\\$");
    s = TEXT.matcher(s).replaceAll("$2");
    s = TEXTBF.matcher(s).replaceAll("$2");
    s = OVERLINE.matcher(s).replaceAll("$2");
    s = BOXED.matcher(s).replaceAll("$2");
    s = FRAC_SHORT.matcher(s).replaceAll("frac{$2}{$3}");
    s = SQRT_SHORT.matcher(s).replaceAll("sqrt{$2}");
    s = s.replace("$", "");
    if (PythonText.isDigit(s.replace(",", ""))) {
      s = s.replace(",", "");
    }
    return s;
  }
}
