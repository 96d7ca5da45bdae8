package io.podium.leaderboard.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.leaderboard.normalize.Normalization.SubtaskResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped normalization rules, on the leaderboard documentation's worked examples and hand-made scores. */
class NormalizationTest {

  static Normalization rules;

  @BeforeAll
  static void load() throws Exception {
    rules = Normalization.shipped();
  }

  private static SubtaskResult s(String subtask, String metric, double value, long n) {
    return new SubtaskResult(subtask, Map.of(metric, value), n);
  }

  @Test
  void theDocumentationsGpqaExample() {
    // "raw_score = 0.6, lower_bound = 0.25 ... Normalized GPQA score: 46.67"
    Normalization.Score score = rules.rule("gpqa").score(List.of(s("main", "acc_norm", 0.6, 448)));
    assertEquals(46.67, score.normalized(), 0.005);
    assertEquals(0.6, score.raw(), 1e-12);
  }

  @Test
  void theDocumentationsMusrExampleNormalizesEachSubtaskThenAverages() {
    // murder mysteries 0.7 (2 choices) -> 40, object placements 0.4 (5) -> 25, team allocation 0.6 (3) -> 40
    Normalization.Score score = rules.rule("musr").score(List.of(
        s("murder_mysteries", "acc_norm", 0.7, 250),
        s("object_placements", "acc_norm", 0.4, 256),
        s("team_allocation", "acc_norm", 0.6, 250)));
    assertEquals(35.00, score.normalized(), 0.005);
    assertEquals((0.7 + 0.4 + 0.6) / 3, score.raw(), 1e-12, "the raw column is the unweighted subtask mean");
  }

  @Test
  void aSubtaskBelowItsBaselineIsClippedBeforeTheMean() {
    // team_allocation 0.272 < 1/3 counts 0, not a negative score.
    Normalization.Score score = rules.rule("musr").score(List.of(
        s("murder_mysteries", "acc_norm", 0.512, 250),
        s("object_placements", "acc_norm", 0.27734375, 256),
        s("team_allocation", "acc_norm", 0.272, 250)));
    double expected = ((0.512 - 0.5) / 0.5 * 100 + (0.27734375 - 0.2) / 0.8 * 100 + 0) / 3;
    assertEquals(expected, score.normalized(), 1e-9);
  }

  @Test
  void bbhUsesTheLeaderboardsChoiceCountsIncludingNineteenForObjectCounting() {
    Normalization.BenchmarkRule bbh = rules.rule("bbh");
    assertEquals(24, bbh.subtaskChoices().size());
    assertEquals(1.0 / 19, bbh.lowerBound("object_counting"), 0.0);
    assertEquals(1.0 / 18, bbh.lowerBound("reasoning_about_colored_objects"), 0.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bbh.lowerBound("dyck_languages"));
    assertTrue(e.getMessage().contains("conf/leaderboard/normalization.yaml"), e.getMessage());
  }

  @Test
  void gpqaAndMathUseTheSizeWeightedGroupValue() {
    // 54/198 + 144/546 + 114/448 = 312/1192, not the mean of the three rates.
    Normalization.Score gpqa = rules.rule("gpqa").score(List.of(
        s("diamond", "acc_norm", 54 / 198.0, 198),
        s("extended", "acc_norm", 144 / 546.0, 546),
        s("main", "acc_norm", 114 / 448.0, 448)));
    assertEquals(312 / 1192.0, gpqa.raw(), 1e-12);
    assertEquals((312 / 1192.0 - 0.25) / 0.75 * 100, gpqa.normalized(), 1e-9);
    Normalization.Score math = rules.rule("math_hard").score(List.of(
        s("algebra", "exact_match", 6 / 307.0, 307), s("geometry", "exact_match", 0.0, 132)));
    assertEquals(6 / 439.0 * 100, math.normalized(), 1e-9);
  }

  @Test
  void ifevalIsTheMeanOfPromptAndInstructionLevelStrictAccuracy() {
    Normalization.Score score = rules.rule("ifeval").score(List.of(new SubtaskResult("ifeval",
        Map.of("prompt_level_strict_acc", 0.25, "inst_level_strict_acc", 0.35, "prompt_level_loose_acc", 0.9), 541)));
    assertEquals(30.0, score.normalized(), 1e-9);
  }

  @Test
  void mmluProHasATenChoiceBaseline() {
    Normalization.Score score = rules.rule("mmlu_pro").score(List.of(s("mmlu_pro", "acc", 0.28, 12032)));
    assertEquals(20.0, score.normalized(), 1e-9);
    assertEquals(0.0, rules.rule("mmlu_pro").score(List.of(s("mmlu_pro", "acc", 0.05, 12032))).normalized());
  }

  @Test
  void co2IsHoursTimesPowerTimesCarbonIntensity() {
    assertEquals(1.51088, rules.co2().kilograms(3600.0), 1e-12);
    assertNull(rules.co2().kilograms(0.0));
    assertNull(rules.co2().kilograms(null));
  }

  @Test
  void theColumnsAreTheLeaderboardsSixInItsOrder() {
    assertEquals(List.of("ifeval", "bbh", "math_hard", "gpqa", "musr", "mmlu_pro"),
        rules.benchmarks().stream().map(Normalization.BenchmarkRule::benchmark).toList());
  }
}
