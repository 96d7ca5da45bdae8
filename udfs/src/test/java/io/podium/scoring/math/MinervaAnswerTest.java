package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MinervaAnswerTest {

  private static String extract(String s) {
    return MinervaAnswer.extract(s);
  }

  @Test
  void extractsTheFewShotFormat() {
    assertEquals("$5$",
        extract("Step 1.\nFinal Answer: The final answer is $5$. I hope it is correct."));
  }

  @Test
  void missingPatternIsInvalid() {
    assertEquals("[invalidanswer]", extract("No final answer here."));
    assertEquals("[invalidanswer]", extract(""));
  }

  @Test
  void anyCharacterButNewlineBeforeTheClosingSentence() {
    // Python's '.' matches "\r" but not "\n"
    assertEquals("5", extract("Final Answer: The final answer is 5\r I hope it is correct."));
    assertEquals("[invalidanswer]",
        extract("Final Answer: The final answer is 5\n I hope it is correct."));
  }

  @Test
  void theAppendedSentenceCompletesATruncatedResponseOnlyAfterAnyCharAndSpace() {
    assertEquals("5", extract("Final Answer: The final answer is 5. "));
    assertEquals("[invalidanswer]", extract("Final Answer: The final answer is 5"));
    assertEquals("[invalidanswer]", extract("Final Answer: The final answer is $\\frac{1}{2}$."));
  }

  @Test
  void firstOccurrenceWins() {
    assertEquals("$3$", extract("Final Answer: The final answer is $3$. I hope it is correct."
        + "\n\nFinal Answer: The final answer is $4$. I hope it is correct."));
  }

  @Test
  void stripsPythonWhitespace() {
    assertEquals("$7$", extract(
        "Final Answer: The final answer is\u00a0 $7$ \u3000. I hope it is correct."));
  }
}
