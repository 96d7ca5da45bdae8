package io.podium.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.models.Tokenizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each side forwards, on a tokenizer of one token per character, so every count can be
 * worked out by hand from the two code paths (SuiteTokens' Javadoc cites the harness's lines).
 */
class SuiteTokensTest {

  static final Tokenizer CHARS = new Tokenizer() {
    @Override
    public int[] encode(String text) {
      return text.chars().toArray();
    }

    @Override
    public String decode(int[] ids) {
      return new String(ids, 0, ids.length);
    }

    @Override
    public int eosTokenId() {
      return 0;
    }
  };

  static SuiteTokens.Request choice(String benchmark, String context, String continuation) {
    return new SuiteTokens.Request(benchmark, true, context, continuation, 0);
  }

  @Test
  void singleTokenChoicesShareOneInputInBothButMultiTokenChoicesOnlyInPodium() {
    SuiteTokens suite = new SuiteTokens(CHARS, 1000, null, FlopCost.of(1, 0, 0));
    // 10 context tokens, four one-token choices (MMLU-Pro's letters): the harness's inputs
    // (context + continuation[:-1]) are all the context, so it forwards 10 once; Podium forwards
    // 9 (the context but its last token) and then 1 + 0 per choice.
    suite.addDocument(List.of(choice("mmlu_pro", "0123456789", "A"), choice("mmlu_pro", "0123456789", "B"),
        choice("mmlu_pro", "0123456789", "C"), choice("mmlu_pro", "0123456789", "D")));
    // 10 context tokens, two three-token choices: the harness forwards 10 + 2 twice; Podium 9 + 3 + 3.
    suite.addDocument(List.of(choice("gpqa", "abcdefghij", "(A)"), choice("gpqa", "abcdefghij", "(B)")));
    assertEquals(10, suite.byBenchmark().get("mmlu_pro").harnessTokens());
    assertEquals(9 + 4, suite.byBenchmark().get("mmlu_pro").podiumTokens());
    assertEquals(24, suite.byBenchmark().get("gpqa").harnessTokens());
    assertEquals(9 + 3 + 3, suite.byBenchmark().get("gpqa").podiumTokens());
    assertEquals(6, suite.total().requests());
  }

  @Test
  void trailingContextSpacesMoveToTheContinuationAndLongContextsAreCutOnTheLeft() {
    SuiteTokens suite = new SuiteTokens(CHARS, 8, null, FlopCost.of(1, 0, 0));
    // "0123456789 " + "x": context "0123456789", continuation " x"; the window of 8 keeps
    // (context + continuation)[-9:][:-1] = 8 tokens for the harness; Podium the same 8 in two parts.
    suite.addDocument(List.of(choice("bbh", "0123456789 ", "x")));
    assertEquals(8, suite.total().harnessTokens());
    assertEquals(8, suite.total().podiumTokens());
  }

  @Test
  void generationForwardsThePromptAndEveryGeneratedTokenButTheLast() {
    SuiteTokens limit = new SuiteTokens(CHARS, 4096, null, FlopCost.of(1, 0, 0));
    limit.addDocument(List.of(new SuiteTokens.Request("ifeval", false, "Write a poem.", "", 1280)));
    assertEquals(13 + 1279, limit.total().podiumTokens());
    assertEquals(limit.total().podiumTokens(), limit.total().harnessTokens());
    SuiteTokens mean = new SuiteTokens(CHARS, 4096, 200, FlopCost.of(1, 0, 0));
    mean.addDocument(List.of(new SuiteTokens.Request("ifeval", false, "Write a poem.", "", 1280)));
    assertEquals(13 + 199, mean.total().podiumTokens());
  }

  @Test
  void flopsCountEachWeightTwiceAndEveryAttendedPosition() {
    FlopCost cost = FlopCost.of(1e9, 2, 64);
    // 3 tokens after 2 cached: 3 x 2e9, and 4 x 2 x 64 per attended position (3 + 4 + 5 = 12)
    assertEquals(3 * 2e9 + 512.0 * 12, cost.run(3, 2), 1e-3);
    assertEquals(1.0, Emissions.gpuHours(Emissions.kilograms(1.0)), 1e-12);
    // the leaderboard's 47.65 kg for Qwen2.5-72B-Instruct is 31.5 hours of its 8-GPU node
    assertEquals(31.5, Emissions.gpuHours(47.65) / 8, 0.05);
  }
}
