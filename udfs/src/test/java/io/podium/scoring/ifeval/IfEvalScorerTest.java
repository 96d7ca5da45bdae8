package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.scoring.ifeval.instructions.Instructions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IfEvalScorerTest {

  @Test
  void allTwentyFiveInstructionsAreRegistered() {
    assertEquals(25, Instructions.ids().size());
  }

  @Test
  void scoresEachInstructionInOrderStrictAndLoose() {
    IfEvalPrompt prompt = new IfEvalPrompt(1001, "Write a short answer in quotes, no commas.",
        List.of("startend:quotation", "punctuation:no_comma"), List.of(Map.of(), Map.of()));
    IfEvalVerdict verdict = IfEvalScorer.score(prompt, "Sure, here it is:\n\"the answer\"");
    // The preamble breaks both rules; dropping the first line fixes both.
    assertEquals(List.of(false, false), verdict.strict());
    assertEquals(List.of(true, true), verdict.loose());
    assertFalse(verdict.followAllStrict());
    assertTrue(verdict.followAllLoose());
  }

  @Test
  void nullAndFalsyKwargsAreDropped() {
    // The HF dataset stores every kwarg of every instruction, null where unused.
    Map<String, Object> kw = new HashMap<>();
    kw.put("num_highlights", 1);
    kw.put("relation", null);
    kw.put("keywords", List.of());
    kw.put("end_phrase", "");
    assertTrue(Check.strict("detectable_format:number_highlighted_sections", kw, "*one*"));
  }

  @Test
  void anUnknownIdNamesTheIdAndThePromptKey() {
    IfEvalPrompt prompt = new IfEvalPrompt(4242, "p", List.of("keywords:nonexistent"),
        List.of(Map.of()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IfEvalScorer.score(prompt, "x"));
    assertTrue(e.getMessage().contains("keywords:nonexistent"), e.getMessage());
    assertTrue(e.getMessage().contains("4242"), e.getMessage());
  }

  @Test
  void aMissingArgumentNamesThePromptKey() {
    IfEvalPrompt prompt = new IfEvalPrompt(17, "p", List.of("length_constraints:number_words"),
        List.of(kwargs("num_words", null, "relation", "at least")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IfEvalScorer.score(prompt, "x"));
    assertTrue(e.getMessage().contains("17") && e.getMessage().contains("num_words"),
        e.getMessage());
  }

  @Test
  void aNegativeThresholdIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Check.strict(
        "detectable_format:number_bullet_lists", kwargs("num_bullets", -1), "* a"));
  }

  @Test
  void looseVariantsDropFirstLastAndStars() {
    assertEquals(List.of("*a*\nb\n*c*", "a\nb\nc", "b\n*c*", "b\nc", "*a*\nb", "a\nb", "b"),
        IfEvalScorer.looseVariants("*a*\nb\n*c*"));
    assertEquals(List.of("one line", ""), IfEvalScorer.looseVariants("one line"));
  }
}
