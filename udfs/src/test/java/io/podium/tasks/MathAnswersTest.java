package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MathAnswersTest {

  @Test
  void takesTheLastBoxedWithNestedBraces() {
    String solution = "First $\\boxed{1}$, then $\\boxed{\\frac{a}{b}}$.";
    assertEquals("\\boxed{\\frac{a}{b}}", MathAnswers.lastBoxedOnlyString(solution));
    assertEquals("\\frac{a}{b}", MathAnswers.removeBoxed(MathAnswers.lastBoxedOnlyString(solution)));
  }

  @Test
  void handlesBoxedWithSpaceAndFbox() {
    assertEquals("\\boxed 5", MathAnswers.lastBoxedOnlyString("so $\\boxed 5$ done"));
    assertEquals("5", MathAnswers.removeBoxed("\\boxed 5"));
    assertEquals("\\fbox{7}", MathAnswers.lastBoxedOnlyString("x \\fbox{7} y"));
    assertNull(MathAnswers.removeBoxed("\\fbox{7}"));
    assertNull(MathAnswers.lastBoxedOnlyString("no answer"));
    assertNull(MathAnswers.lastBoxedOnlyString("\\boxed{unclosed"));
  }
}
