package io.podium.scoring.math;

import java.util.List;

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
}
