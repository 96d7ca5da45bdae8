package io.podium.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.evaluate.RunEta.Work;
import org.junit.jupiter.api.Test;

class RunEtaTest {

  @Test
  void chunksOfShortRequestsDoNotMakeALongContextLookCheap() {
    Work letters = new Work(100, 2_000, 0); // MMLU-Pro-like: many short requests
    Work stories = new Work(2, 20_000, 0); // MuSR-like: few, long
    RunEta eta = new RunEta(letters.plus(stories));
    eta.chunkDone(letters, 500, 0); // 4 characters per token, in 10 s: 50 tokens/s

    assertEquals(5_000, eta.tokensLeft(), 1e-9);
    assertEquals(100, eta.secondsLeft(10), 1e-9);
    // by requests, 2 left of 102 at 10 per second would have said 0.2 s
  }

  @Test
  void generationCountsItsAllowanceUntilGenerationsAreSeen() {
    Work prompts = new Work(10, 4_000, 0);
    Work generations = new Work(4, 4_000, 4_096);
    RunEta eta = new RunEta(prompts.plus(generations).plus(generations));
    eta.chunkDone(prompts, 1_000, 0);
    assertEquals(2 * (1_000 + 4_096), eta.tokensLeft(), 1e-9, "the allowance in full: its upper bound");

    eta.chunkDone(generations, 1_000, 1_024); // stopped at a quarter of the allowance
    assertEquals(1_000 + 1_024, eta.tokensLeft(), 1e-9);
    assertEquals(3_024, eta.tokensDone());
  }

  @Test
  void unknownBeforeAnyTokenIsCounted() {
    RunEta eta = new RunEta(new Work(3, 300, 0));
    assertTrue(Double.isNaN(eta.secondsLeft(5)));
    assertEquals("unknown (no tokens counted yet)", EvaluateJob.eta(Double.NaN));
    eta.chunkDone(new Work(3, 300, 0), 0, 0);
    assertTrue(Double.isNaN(eta.secondsLeft(5)), "a backend that counts no tokens has no token rate");
  }
}
