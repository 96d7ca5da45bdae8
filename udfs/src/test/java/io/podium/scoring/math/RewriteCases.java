package io.podium.scoring.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Usual ways a model writes a correct answer, built from the gold answer. */
final class RewriteCases {

  private RewriteCases() {}

  static List<String> rewrites(String g) {
    return List.of(
        // the few-shot format exactly
        MathTestData.response(g),
        // no dollars
        "Final Answer: The final answer is " + g + ". I hope it is correct.",
        // a variable and "="
        MathTestData.response("x = " + g),
        // \dfrac instead of \frac
        MathTestData.response(g.replace("\\frac", "\\dfrac")),
        // a unit in \text{}
        MathTestData.response(g + "\\text{ units}"),
        // extra spaces
        MathTestData.response(" " + g.replace("+", " + ").replace(",", ", ") + " "),
        // reasoning first, CRLF line ends, the next "Problem:" after
        "We compute the answer step by step.\r\nSo the answer is $\\boxed{" + g + "}$.\r\n"
            + "Final Answer: The final answer is $" + g + "$. I hope it is correct.\r\n\r\n"
            + "Problem:");
  }

  private static final Pattern SIMPLE_FRAC =
      Pattern.compile("\\frac\\{(-?\\d+)\\}\\{(\\d+)\\}");
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  /**
   * Answers a model might give instead of the gold one, equal or not: other spellings of the
   * same value (a/b for a fraction, decimals, factors of 1, reordering), near misses, and forms
   * that exercise the parser (a trailing period, \\left...\\right, \\times).
   */
  static List<String> variants(String g) {
    List<String> out = new ArrayList<>();
    out.add("(" + g + ")");
    out.add("1\\cdot" + g);
    out.add(g + "+0");
    out.add("2(" + g + ")/2");
    out.add("-" + g);
    out.add(g + "1");
    out.add("\\left(" + g + "\\right)");
    out.add(g.replace("\\cdot", "\\times"));
    out.add(g + ".");
    Matcher m = SIMPLE_FRAC.matcher(g);
    if (m.find()) {
      out.add(m.replaceAll("$1/$2"));
      BigDecimal v = new BigDecimal(m.group(1)).divide(new BigDecimal(m.group(2)),
          new MathContext(16));
      out.add(v.toPlainString());
      out.add(v.round(new MathContext(3)).toPlainString());
    }
    if (INTEGER.matcher(g).matches()) {
      out.add(g + ".0");
      out.add(g + ".");
      out.add(g + "\\%");
      out.add("\\sqrt{" + g + "^2}");
      out.add(g + "^{1}");
    }
    return out;
  }

  /** Hand-picked (answer, gold) pairs that exercise sympy's parser and simplify. */
  static final String[][] TRICKY = {
      {"\\frac{\\sqrt{3}}{3}", "\\frac{1}{\\sqrt{3}}"},
      {"\\sqrt{12}", "2\\sqrt{3}"},
      {"\\sqrt[3]{-8}", "-2"},
      {"\\sqrt{-4}", "2i"},
      {"(-8)^{1/3}", "-2"},
      {"\\sqrt{x^2}", "x"},
      {"\\sqrt{x}\\sqrt{x}", "x"},
      {"\\frac{x^2-1}{x-1}", "x+1"},
      {"(a+b)^2", "a^2+2ab+b^2"},
      {"\\frac{1}{a}+\\frac{1}{b}", "\\frac{a+b}{ab}"},
      {"2^{10}", "1024"},
      {"2^{100}", "1267650600228229401496703205376"},
      {"2^{100}", "1267650600228229401496703205377"},
      {"10^{20}+1", "100000000000000000001"},
      {"0.1+0.2", "0.3"},
      {"\\frac{1}{3}", "0.3333333333333333"},
      {"\\frac{1}{3}", "0.333333333333333"},
      {"0.5", "\\frac{1}{2}"},
      {"1.0", "1"},
      {"5.00", "5"},
      {"3.14", "\\pi"},
      {"\\pi", "\\pi"},
      {"2\\pi r", "2r\\pi"},
      {"\\frac{\\pi}{2}", "\\frac{2\\pi}{4}"},
      {"e^{i\\pi}", "-1"},
      {"\\exp(0)", "1"},
      {"\\ln(e)", "1"},
      {"\\log_2 8", "3"},
      {"\\log_{10}100", "2"},
      {"\\lg 1000", "3"},
      {"\\ln 8", "3\\ln 2"},
      {"\\log 8", "3\\log 2"},
      {"\\sin^2 x+\\cos^2 x", "1"},
      {"\\sin(0)", "0"},
      {"\\cos\\pi", "-1"},
      {"\\sin 30", "\\frac{1}{2}"},
      {"\\tan^{-1}1", "\\frac{\\pi}{4}"},
      {"\\arctan 1", "\\frac{\\pi}{4}"},
      {"\\arcsin 2", "\\arcsin 2"},
      {"\\sin x \\cos x", "\\frac{\\sin 2x}{2}"},
      {"4!", "24"},
      {"0!", "1"},
      {"(-1)!", "(-1)!"},
      {"\\frac{5}{2}!", "\\frac{15\\sqrt{\\pi}}{8}"},
      {"\\binom{10}{3}", "120"},
      {"\\binom{n}{2}", "\\frac{n(n-1)}{2}"},
      {"|-3|", "3"},
      {"|x|", "x"},
      {"\\lfloor 2.5\\rfloor", "2"},
      {"\\lceil \\frac{7}{2}\\rceil", "4"},
      {"\\lfloor\\sqrt{2}\\rfloor", "1"},
      {"\\frac{1}{0}", "\\frac{1}{0}"},
      {"\\frac{1}{0}", "\\frac{2}{0}"},
      {"\\frac{2}{0}", "\\frac{2}{0}"},
      {"x+\\frac{1}{0}", "x+\\frac{1}{0}"},
      {"x\\cdot\\frac{1}{0}", "x\\cdot\\frac{1}{0}"},
      {"-\\frac{1}{0}", "-\\frac{1}{0}"},
      {"x_", "x_"},
      {"2x_", "2"},
      {"x^2_", "x^2_"},
      {"\\ln12.", "\\ln12."},
      {"\\log_123", "\\log_{12}3"},
      {"\\sin^23", "\\sin^{2}3"},
      {"0^0", "1"},
      {"\\infty", "\\infty"},
      {"2\\infty", "2\\infty"},
      {"x=5", "5"},
      {"x<5", "5"},
      {"1<2", "1<2"},
      {"f(2)", "f(1+1)"},
      {"f(x)", "f(x)"},
      {"x_1+x_2", "x_2+x_1"},
      {"x_{10}", "x_{1}0"},
      {"x'", "x'"},
      {"a'", "a"},
      {"\\alpha+\\beta", "\\beta+\\alpha"},
      {"\\mathit{ab}", "ab"},
      {"\\overline{3}", "3"},
      {"1:2", "\\frac{1}{2}"},
      {"6\\div3", "2"},
      {"2\\times3", "6"},
      {"2x3", "6"},
      {"2x3", "2x3"},
      {"axb", "ab"},
      {"3.5x2", "7"},
      {"x(1)", "x"},
      {"\\{1\\}", "1"},
      {"[2]", "2"},
      {"(1,2)", "1"},
      {"3,4", "3"},
      {"3,4", "34"},
      {"1,000,000", "10^6"},
      {"1,00", "1"},
      {"01", "1"},
      {"00", "0"},
      {"007", "7"},
      {"010.5", "10.5"},
      {"5-", "5"},
      {"5+", "5"},
      {"x=", "x"},
      {"\\frac12", "0.5"},
      {"\\frac123", "\\frac{3}{2}"},
      {"\\frac{d}{dx}x^2", "2x"},
      {"\\sum_{i=1}^{3}i", "6"},
      {"\\sum_{i=1}^{3}i", "\\sum_{i=1}^{3}i"},
      {"\\int_0^1 x dx", "\\frac{1}{2}"},
      {"\\lim_{x\\to0}x", "0"},
      {"\\sqrt{2}^2", "2"},
      {"\\sqrt{3}^{4}", "9"},
      {"4^{\\frac{1}{2}}", "2"},
      {"8^{-\\frac{1}{3}}", "\\frac{1}{2}"},
      {"\\sqrt{\\frac{9}{4}}", "\\frac{3}{2}"},
      {"\\sqrt{2}+\\sqrt{3}", "\\sqrt{5+2\\sqrt{6}}"},
      {"\\frac{3+\\sqrt{5}}{2}", "\\left(\\frac{1+\\sqrt{5}}{2}\\right)^2"},
      {"i^2", "-1"},
      {"e^2", "e\\cdot e"},
      {"\\cdot5", "5"},
      {"-\\frac{1}{2}", "\\frac{-1}{2}"},
      {"--3", "3"},
      {"+3", "3"},
      {"3\\%", "0.03"},
      {"1.", "1"},
      {"12.", "1"},
      {"12.5.", "12"},
      {"12.5.", "12.5"},
      {"x^2_1", "x^2"},
      {"2^3^2", "64"},
      {"-2^2", "-4"},
      {"2^-1", "\\frac{1}{2}"},
      {"\\sqrt", "\\sqrt"},
      {"", ""},
      {"\\text{Monday}", "\\text{Monday}"},
      {"Monday", "Monday"},
      {"E", "E"},
      {"\\frac{1}{{}2}", "\\frac{1}{2}"},
      {"\\begin{pmatrix}1\\\\2\\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}"},
      {"\\dfrac{\\sqrt{5}}{5}", "\\frac{1}{\\sqrt{5}}"},
      {"\\frac{5\\sqrt{2}}{2}", "\\frac{5}{\\sqrt{2}}"},
      {"9\\sqrt{3}", "\\sqrt{243}"},
      {"1-\\frac{\\sqrt{3}}{2}", "\\frac{2-\\sqrt{3}}{2}"},
      {"\\frac{x+1}{x-1}", "\\frac{1+x}{-1+x}"},
      {"x^2+7x+10", "(x+2)(x+5)"},
      {"x^2+7x+10", "(x+2)(x+6)"},
      {"\\frac{1}{2}(x+1)", "\\frac{x+1}{2}"},
      {"y=2x+3", "2x+3"},
      {"-\\frac{2}{3}", "-0.6666666666666666"},
      {"1e5", "100000"},
      {"\\$5", "5"},
      {"2+3i", "3i+2"},
      {"\\frac{1}{2}\\cdot\\frac{2}{3}", "\\frac{1}{3}"},
      {"\\frac{\\frac{1}{2}}{\\frac{1}{4}}", "2"},
      {"\\left|x\\right|", "|x|"},
      {"\\left\\lfloor 3.7\\right\\rfloor", "3"},
  };
}
