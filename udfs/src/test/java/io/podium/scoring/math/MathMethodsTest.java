package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the leaderboard's fork ({@code leaderboard_fork}) and upstream's harness of the same
 * months ({@code sympy_2024}) give different verdicts, rule by rule. "fork" below is
 * {@code lm_eval/tasks/leaderboard/math/utils.py} of huggingface/lm-evaluation-harness at
 * {@code adding_all_changess} (fca2dc43), "upstream" the same file at 3c8db1bb
 * (EleutherAI, 2024-07-03, unchanged until 77c811ea of 2024-11-11). Each expected verdict is
 * the one that file's code path gives; the sympy results quoted were checked with sympy 1.14's
 * ANTLR {@code parse_latex}.
 */
class MathMethodsTest {

  private static final MathScorer FORK = new MathScorer(MathEquivalence.LEADERBOARD_FORK);
  private static final MathScorer SYMPY = new MathScorer(MathEquivalence.SYMPY_2024);
  private static final MathScorer CORRECTED = new MathScorer(MathEquivalence.CORRECTED);

  private static boolean fork(String response, String gold) {
    boolean v = FORK.score(response, gold).exactMatch();
    // corrected has the fork's rule
    assertEquals(v, CORRECTED.score(response, gold).exactMatch(), "corrected vs fork");
    return v;
  }

  private static boolean sympy(String response, String gold) {
    return SYMPY.score(response, gold).exactMatch();
  }

  private static String answer(String a) {
    return MathTestData.response(a);
  }

  @Test
  void theForkIsTheDefault() {
    assertEquals(MathEquivalence.LEADERBOARD_FORK, MathEquivalence.DEFAULT);
    assertEquals("leaderboard_fork", MathEquivalence.LEADERBOARD_FORK.id());
    assertEquals(MathEquivalence.LEADERBOARD_FORK, MathEquivalence.fromId("leaderboard_fork"));
    assertEquals("leaderboard_fork, sympy_2024 or corrected", MathEquivalence.ids(", ", " or "));
  }

  /**
   * fork utils.py:78: {@code answer.strip() == doc["answer"].strip() or is_equiv(...)}: equal
   * strings match before sympy is asked. upstream utils.py:73: {@code is_equiv} alone, and
   * {@code parse_latex} rejects all of these (a tuple, a half-open interval, "\%", "01" is not
   * a sympy Number, "\infty" normalized to "\iny"), so is_equiv returns False (upstream
   * utils.py:153-159, fork 160-166).
   */
  @Test
  void equalStringsMatchInTheForkOnly() {
    for (String gold : new String[] {"(1,2)", "[2,5)", "20\\%", "01", "(-\\infty,0]"}) {
      assertTrue(fork(answer(gold), gold), gold);
      assertFalse(sympy(answer(gold), gold), gold);
    }
  }

  /**
   * fork utils.py:78 compares Python-stripped strings: a gold boxed with a trailing newline
   * (normalize_final_answer keeps it) still equals the stripped extracted answer.
   */
  @Test
  void theShortcutComparesStrippedStrings() {
    MathVerdict v = FORK.score(answer("(1,2)"), "(1,2)\n");
    assertEquals("(1,2)\n", v.goldNormalized());
    assertTrue(v.exactMatch());
    assertTrue(fork(answer("(1,2)"), "(1,2)\n"));
    assertFalse(sympy(answer("(1,2)"), "(1,2)\n"));
  }

  /**
   * fork utils.py:76-77: an answer that normalizes to "[invalidanswer]" (no "Final Answer: The
   * final answer is ...", utils.py:194-204) scores 0 before anything else. upstream has no such
   * test (utils.py:70-73): "[invalidanswer]" goes to is_equiv, where parse_latex reads it as
   * the product i*n*v*a*l*i*da*n*s*w*e*r ("da" a differential), equal to the gold
   * "\text{invalidanswer}" (normalized to "invalidanswer") and to the gold "[invalidanswer]"
   * Podium gives a solution without a usable box.
   */
  @Test
  void anInvalidAnswerScoresZeroInTheForkOnly() {
    String noFinalAnswer = "The answer is 7.";
    assertEquals(MinervaAnswer.INVALID_ANSWER, FORK.score(noFinalAnswer, "7").normalized());
    assertFalse(fork(noFinalAnswer, "\\text{invalidanswer}"));
    assertTrue(sympy(noFinalAnswer, "\\text{invalidanswer}"));

    String unboxed = MathScorer.goldAnswer("so the answer is $\\fbox{7}$.");
    assertEquals(MinervaAnswer.INVALID_ANSWER, unboxed);
    assertFalse(fork(noFinalAnswer, unboxed));
    assertTrue(sympy(noFinalAnswer, unboxed));
    String literal = "Final Answer: The final answer is [invalidanswer]. I hope it is correct.";
    assertFalse(fork(literal, unboxed));
    assertTrue(sympy(literal, unboxed));

    // against an ordinary gold both give 0
    assertFalse(fork(noFinalAnswer, "7"));
    assertFalse(sympy(noFinalAnswer, "7"));
  }

  /**
   * A box that is not "\boxed{...}" or "\boxed ...": last_boxed_only_string takes from the last
   * "\boxed" (or "\fbox") to the first brace that closes (fork utils.py:89-116, the same
   * upstream); the fork's remove_boxed then fails its assertion and returns "[invalidanswer]"
   * (utils.py:126-132), where upstream's raised AssertionError (utils.py:120-123) and could not
   * load the document. No Level 5 gold has such a box. A response scores 0 against it in the
   * fork unless it parses to the same product of letters (is_equiv, utils.py:151-191).
   */
  @Test
  void aMalformedBoxIsAnInvalidGold() {
    assertEquals(MinervaAnswer.INVALID_ANSWER, MathScorer.goldAnswer("$\\boxed\\frac{1}{2}$"));
    assertEquals(MinervaAnswer.INVALID_ANSWER, MathScorer.goldAnswer("$\\fbox{7}$"));
    String gold = MathScorer.goldAnswer("$\\fbox{7}$");
    assertFalse(fork(answer("7"), gold));
    assertFalse(sympy(answer("7"), gold));
    // the quirk: "invalidanswer" is not the string "[invalidanswer]" but is the same product
    assertTrue(fork(answer("invalidanswer"), gold));
    assertTrue(sympy(answer("invalidanswer"), gold));
    // unclosed braces, or no box: last_boxed_only_string gives None, and both versions'
    // remove_boxed raise TypeError on `"\\boxed " in None` (fork utils.py:121); Podium's
    // ingest rejects such a document, goldAnswer gives "[invalidanswer]"
    assertEquals(MinervaAnswer.INVALID_ANSWER, MathScorer.goldAnswer("$\\boxed{5$"));
    assertEquals(MinervaAnswer.INVALID_ANSWER, MathScorer.goldAnswer("no box"));
  }

  /**
   * "\boxed " with a space anywhere wins over a later "\boxed{}" (fork utils.py:91-92, the same
   * upstream): the text after the last "\boxed " up to the next "$". Same in every method.
   */
  @Test
  void boxedWithASpaceWinsOverALaterBrace() {
    assertEquals("5", MathScorer.goldAnswer("first $\\boxed 5$, then $\\boxed{6}$."));
    assertEquals("5 ", MathScorer.goldAnswer("$\\boxed 5 $"));
    assertTrue(fork(answer("5"), "5 "));
    assertTrue(sympy(answer("5"), "5 "));
  }

  /**
   * The fork runs is_equiv under a 1 s SIGALRM (utils.py:156; upstream 5 s, utils.py:149) and
   * returns False when it fires or on any other exception (fork utils.py:183-191). Identical
   * strings never reach it in the fork (utils.py:78), so an answer sympy cannot finish with,
   * or overflows Python's recursion on, still matches itself there; upstream gives 0. Podium
   * bounds the work instead of timing it (here the parser's nesting).
   */
  @Test
  void identicalStringsNeedNoSympyInTheFork() {
    String deep = "(".repeat(20_000) + "x" + ")".repeat(20_000);
    assertTrue(fork(answer(deep), deep));
    assertFalse(sympy(answer(deep), deep));
  }

  /** Where the answer parses, the methods agree: the fork's shortcut adds matches only. */
  @Test
  void parseableAnswersGetTheSameVerdict() {
    String[][] pairs = {{"\\frac12", "0.5"}, {"3", "4"}, {"x+1", "1+x"}, {"2\\sqrt{2}", "\\sqrt8"}};
    for (String[] p : pairs) {
      assertEquals(sympy(answer(p[0]), p[1]), fork(answer(p[0]), p[1]), p[0] + " | " + p[1]);
    }
  }
}
