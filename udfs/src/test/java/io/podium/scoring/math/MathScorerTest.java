package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scorer's API and the sympy quirks the 2024 method reproduces (checked with sympy). */
class MathScorerTest {

  private static final MathScorer SYMPY = new MathScorer(MathEquivalence.SYMPY_2024);
  private static final MathScorer CORRECTED = new MathScorer(MathEquivalence.CORRECTED);

  private static boolean sympy(String answer, String gold) {
    return SYMPY.score(MathTestData.response(answer), gold).exactMatch();
  }

  private static boolean corrected(String answer, String gold) {
    return CORRECTED.score(MathTestData.response(answer), gold).exactMatch();
  }

  @Test
  void ids() {
    assertEquals("leaderboard_fork", MathEquivalence.LEADERBOARD_FORK.id());
    assertEquals("sympy_2024", MathEquivalence.SYMPY_2024.id());
    assertEquals("corrected", MathEquivalence.CORRECTED.id());
    assertEquals(MathEquivalence.CORRECTED, MathEquivalence.fromId("corrected"));
    assertEquals(MathEquivalence.SYMPY_2024, MathEquivalence.fromId("sympy_2024"));
    assertThrows(IllegalArgumentException.class, () -> MathEquivalence.fromId("exact"));
  }

  @Test
  void verdictCarriesEachStep() {
    MathVerdict v = SYMPY.score(
        "So $x=\\dfrac{1}{2}$.\nFinal Answer: The final answer is $x = \\frac12$. I hope it is"
            + " correct.", "\\frac{1}{2}");
    assertEquals("$x = \\frac12$", v.extracted());
    assertEquals("\\frac{1}{2}", v.normalized());
    assertEquals("\\frac{1}{2}", v.goldNormalized());
    assertTrue(v.exactMatch());
  }

  @Test
  void goldAnswerIsTheLastBox() {
    assertEquals("\\frac{2}{3}", MathScorer.goldAnswer("So $\\boxed{1}$ and $\\boxed{\\frac{2}{3}}$."));
    assertEquals("[invalidanswer]", MathScorer.goldAnswer("no box"));
  }

  @Test
  void invalidAnswerAgainstAnOrdinaryGold() {
    assertFalse(SYMPY.score("I don't know", "5").exactMatch());
    assertFalse(CORRECTED.score("I don't know", "[invalidanswer]").exactMatch());
    // sympy_2024 parses "[invalidanswer]" like any answer: see MathMethodsTest
  }

  @Test
  void equivalentFormsMatch() {
    assertTrue(sympy("0.5", "\\frac{1}{2}"));
    assertTrue(sympy("\\frac{\\sqrt{2}}{2}", "\\frac{1}{\\sqrt{2}}"));
    assertTrue(sympy("2\\sqrt{2}", "\\sqrt{8}"));
    assertTrue(sympy("x^2+2x+1", "(x+1)^2"));
    assertTrue(sympy("\\dfrac{6}{4}", "\\frac32"));
    assertTrue(sympy("5!", "120"));
    assertTrue(sympy("\\binom{5}{2}", "10"));
    assertFalse(sympy("0.333", "\\frac{1}{3}"));
    assertFalse(sympy("3", "4"));
    assertFalse(sympy("x+1", "x+2"));
  }

  @Test
  void sympy2024Quirks() {
    // unparseable golds (tuples, intervals, percent signs, text) never match, not even themselves
    assertFalse(sympy("(1,2)", "(1,2)"));
    assertFalse(sympy("[2,5)", "[2,5)"));
    assertFalse(sympy("20\\%", "20\\%"));
    assertFalse(sympy("01", "01")); // sympy.Number("01") fails
    // ... where the corrected method matches equal strings
    assertTrue(corrected("(1,2)", "(1,2)"));
    assertTrue(corrected("20\\%", "20\\%"));
    // relations cannot be subtracted
    assertFalse(sympy("x<5", "x<5"));
    // the parse stops at the first thing it cannot continue with: "1,2" is 1... but the
    // normalizer has already made "1,2" 12, so use a case it keeps
    assertTrue(sympy("3,\\sqrt{2}", "3"));
    // \pi is a plain symbol
    assertFalse(sympy("3.14159", "\\pi"));
    assertTrue(sympy("2\\pi", "\\pi+\\pi"));
    // a lone x between numbers is a times sign
    assertTrue(sympy("2x3", "6"));
    // x(...) is a function call, not a product
    assertFalse(sympy("x(x+1)", "x^2+x"));
  }

  @Test
  void parserQuirks() throws Exception {
    assertEquals("1", LatexParser.parse("13.").toString());
    assertThrows(LatexParser.ParseError.class, () -> LatexParser.parse("1."));
    assertThrows(LatexParser.ParseError.class, () -> LatexParser.parse("x="));
    assertEquals("5", LatexParser.parse("5-").toString());
    assertThrows(LatexParser.ParseError.class, () -> LatexParser.parse("5\\%"));
    assertEquals(LatexParser.parse("3/5").toString(), LatexParser.parse("\\frac{3}{5},\\").toString());
    assertEquals("x_{1}", LatexParser.parse("x_1").toString());
    assertEquals("function[asin](x)", LatexParser.parse("\\sin^{-1}x").toString());
  }

  @Test
  void pathologicalInputsEndQuickly() {
    String deep = "(".repeat(20_000) + "x" + ")".repeat(20_000);
    String wide = "\\sin".repeat(5_000) + "x";
    String power = "2^{2^{2^{2^{2^{2}}}}}";
    long t0 = System.nanoTime();
    assertFalse(sympy(deep, "x"));
    sympy(wide, "x");
    assertFalse(sympy(power, "3"));
    assertTrue((System.nanoTime() - t0) / 1e9 < 5, "took too long");
  }
}
