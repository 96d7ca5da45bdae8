package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * leaderboard_fork against sympy_2024 on the real Level 5 gold answers
 * (../shared/data/math/test.jsonl; skipped with a message where it is absent): each gold
 * scored against itself and against perturbations of it, counting the pairs where the two
 * methods disagree. Every disagreement must be one of the fork's two rules (MathMethodsTest):
 * equal stripped strings, or an answer that is "[invalidanswer]".
 */
class MathMethodsRealDataTest {

  private static final MathScorer FORK = new MathScorer(MathEquivalence.LEADERBOARD_FORK);
  private static final MathScorer SYMPY = new MathScorer(MathEquivalence.SYMPY_2024);

  private static List<String> golds;

  /** Loaded in each test, so that each is reported as skipped, with the reason, without it. */
  @BeforeEach
  void load() throws Exception {
    if (golds == null) {
      golds = MathTestData.level5Golds();
    }
  }

  /** Counts for one set of (response, gold) pairs. */
  private record Counts(int pairs, int fork, int sympy, int forkOnly, int sympyOnly,
      List<String> unexplained) {}

  private static Counts count(String name, Function<Integer, List<String>> responses) {
    int pairs = 0;
    int fork = 0;
    int sympy = 0;
    int forkOnly = 0;
    int sympyOnly = 0;
    List<String> unexplained = new ArrayList<>();
    List<String> examples = new ArrayList<>();
    for (int i = 0; i < golds.size(); i++) {
      String gold = golds.get(i);
      for (String response : responses.apply(i)) {
        pairs++;
        MathVerdict f = FORK.score(response, gold);
        MathVerdict s = SYMPY.score(response, gold);
        fork += f.exactMatch() ? 1 : 0;
        sympy += s.exactMatch() ? 1 : 0;
        if (f.exactMatch() == s.exactMatch()) {
          continue;
        }
        boolean invalid = f.normalized().equals(MinervaAnswer.INVALID_ANSWER);
        boolean sameString = PythonText.strip(f.normalized()).equals(
            PythonText.strip(f.goldNormalized()));
        if (f.exactMatch()) {
          forkOnly++;
          if (!sameString) {
            unexplained.add("fork only: " + f.normalized() + " | " + f.goldNormalized());
          }
        } else {
          sympyOnly++;
          if (!invalid) {
            unexplained.add("sympy_2024 only: " + f.normalized() + " | " + f.goldNormalized());
          }
        }
        if (examples.size() < 5) {
          examples.add(f.normalized() + " | " + f.goldNormalized());
        }
      }
    }
    System.out.printf("%s: %d pairs, leaderboard_fork %d, sympy_2024 %d, disagree %d"
        + " (fork only %d, sympy_2024 only %d), e.g. %s%n", name, pairs, fork, sympy,
        forkOnly + sympyOnly, forkOnly, sympyOnly, examples);
    return new Counts(pairs, fork, sympy, forkOnly, sympyOnly, unexplained);
  }

  @Test
  void eachGoldAgainstItself() {
    Counts c = count("self", i -> List.of(MathTestData.response(golds.get(i))));
    assertEquals(1324, c.pairs());
    assertEquals(1324, c.fork());
    assertEquals(1245, c.sympy());
    assertEquals(79, c.forkOnly());
    assertEquals(0, c.sympyOnly());
  }

  @Test
  void eachGoldAgainstItsRewrites() {
    Counts c = count("rewrites", i -> RewriteCases.rewrites(golds.get(i)));
    assertTrue(c.unexplained().isEmpty(), String.join("\n", c.unexplained()));
    assertEquals(9268, c.pairs());
    assertEquals(539, c.forkOnly());
    assertEquals(0, c.sympyOnly());
  }

  @Test
  void eachGoldAgainstItsVariants() {
    Counts c = count("variants", i -> {
      List<String> out = new ArrayList<>();
      for (String v : RewriteCases.variants(golds.get(i))) {
        out.add("Final Answer: The final answer is " + v + ". I hope it is correct.");
      }
      return out;
    });
    assertTrue(c.unexplained().isEmpty(), String.join("\n", c.unexplained()));
    assertEquals(15511, c.pairs());
    assertEquals(79, c.forkOnly()); // the \cdot -> \times variant is the gold itself there
    assertEquals(0, c.sympyOnly());
  }

  @Test
  void eachGoldAgainstOtherProblemsGolds() {
    int n = golds.size();
    Counts c = count("cross", i -> List.of(MathTestData.response(golds.get((i + 1) % n)),
        MathTestData.response(golds.get((i + 389) % n))));
    assertTrue(c.unexplained().isEmpty(), String.join("\n", c.unexplained()));
    assertEquals(0, c.forkOnly() + c.sympyOnly());
  }

  @Test
  void eachGoldAgainstAResponseWithoutFinalAnswer() {
    Counts c = count("no final answer", i -> List.of("The answer is $" + golds.get(i) + "$."));
    assertTrue(c.unexplained().isEmpty(), String.join("\n", c.unexplained()));
    assertEquals(0, c.fork());
  }
}
