package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CORRECTED method on the real Level 5 gold answers, without the oracle: every gold matches
 * itself and its usual rewrites, and a different problem's answer does not when the normalized
 * strings differ (unless they are mathematically equal). Also measures throughput.
 */
class MathScorerRealDataTest {

  private static List<String> golds;

  @BeforeAll
  static void load() throws Exception {
    golds = MathTestData.level5Golds();
  }

  @Test
  void level5HasTheExpectedSize() {
    assertEquals(1324, golds.size());
  }

  @Test
  void correctedMatchesEveryGoldAndItsRewrites() {
    MathScorer scorer = new MathScorer(MathEquivalence.CORRECTED);
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (String g : golds) {
      String gold = FinalAnswerNormalizer.normalize(g);
      for (String r : RewriteCases.rewrites(g)) {
        MathVerdict v = scorer.score(r, g);
        if (!v.normalized().equals(gold)) {
          continue; // the rewrite changed the normalized answer (e.g. "x = " before an equation)
        }
        checked++;
        if (!v.exactMatch()) {
          failures.add(r + " vs " + g);
        }
      }
    }
    System.out.println("corrected: " + checked + " self/rewrite pairs with equal normalized"
        + " strings, " + failures.size() + " not matched");
    assertTrue(checked > 8000, "too few rewrites kept: " + checked);
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  @Test
  void correctedRejectsOtherProblemsAnswers() {
    MathScorer scorer = new MathScorer(MathEquivalence.CORRECTED);
    int n = golds.size();
    int matched = 0;
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int step : new int[] {1, 389, 777}) {
        String other = golds.get((i + step) % n);
        MathVerdict v = scorer.score(MathTestData.response(other), golds.get(i));
        if (v.normalized().equals(v.goldNormalized())) {
          continue;
        }
        pairs++;
        if (v.exactMatch()) {
          matched++;
          // only mathematically equal answers may match
          assertTrue(SymbolicEquivalence.equivalent(v.normalized(), v.goldNormalized()));
          System.out.println("  equal across problems: " + v.normalized() + " = "
              + v.goldNormalized());
        }
      }
    }
    System.out.println("corrected cross pairs: " + pairs + ", matched " + matched);
    assertTrue(matched * 100 < pairs, "too many cross matches: " + matched);
  }

  @Test
  void throughput() {
    MathScorer scorer = new MathScorer(MathEquivalence.SYMPY_2024);
    List<String> responses = new ArrayList<>();
    for (String g : golds) {
      responses.add(MathTestData.response(g));
    }
    for (int warm = 0; warm < 3; warm++) {
      for (int i = 0; i < golds.size(); i++) {
        scorer.score(responses.get(i), golds.get(i));
      }
    }
    int rounds = 5;
    long t0 = System.nanoTime();
    int matches = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < golds.size(); i++) {
        if (scorer.score(responses.get(i), golds.get(i)).exactMatch()) {
          matches++;
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    System.out.printf("throughput: %.0f responses/s (sympy_2024, one thread, %d golds as"
        + " responses x %d rounds, %d matches per round)%n",
        rounds * golds.size() / secs, golds.size(), rounds, matches / rounds);
    assertEquals(1245 * rounds, matches);
  }
}
