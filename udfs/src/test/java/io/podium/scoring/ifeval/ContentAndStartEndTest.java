package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static io.podium.scoring.ifeval.Check.loose;
import static io.podium.scoring.ifeval.Check.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * detectable_content:number_placeholders, postscript; combination:two_responses, repeat_prompt;
 * startend:end_checker, quotation; punctuation:no_comma.
 */
class ContentAndStartEndTest {

  private static final Map<String, Object> NONE = Map.of();

  @Test
  void placeholdersStayOnOneLine() {
    String id = "detectable_content:number_placeholders";
    assertTrue(strict(id, kwargs("num_placeholders", 2), "[name] lives at [address]"));
    assertFalse(strict(id, kwargs("num_placeholders", 2), "[a\nb] and [c]"));
  }

  @Test
  void postscript() {
    String id = "detectable_content:postscript";
    assertTrue(strict(id, kwargs("postscript_marker", "P.S."), "Hi there\np. s. see you"));
    assertFalse(strict(id, kwargs("postscript_marker", "P.S."), "Hi there\nPS see you"));
    assertTrue(strict(id, kwargs("postscript_marker", "P.P.S"), "Hi\n\nP.P.S. more"));
  }

  @Test
  void twoResponses() {
    String id = "combination:two_responses";
    assertTrue(strict(id, NONE, "Answer A\n******\nAnswer B"));
    assertFalse(strict(id, NONE, "Answer A\n******\nAnswer A"));
    assertFalse(strict(id, NONE, "A ****** B ****** C"));
    assertTrue(strict(id, NONE, "******\nA\n******\nB"));
  }

  @Test
  void repeatPrompt() {
    Map<String, Object> kw = kwargs("prompt_to_repeat", "Write a poem.");
    String id = "combination:repeat_prompt";
    assertTrue(strict(id, kw, "write a poem. Roses are red."));
    assertFalse(strict(id, kw, "Sure!\nWrite a poem. Roses are red."));
    assertTrue(loose(id, kw, "Sure!\nWrite a poem. Roses are red."));
  }

  @Test
  void endPhrase() {
    String id = "startend:end_checker";
    Map<String, Object> kw = kwargs("end_phrase", "Any other questions?");
    assertTrue(strict(id, kw, "Done.\n\"Any other questions?\""));
    assertFalse(strict(id, kw, "Any other questions? Thanks"));
    // Markdown emphasis around the phrase only passes loosely (stars removed).
    assertFalse(strict(id, kwargs("end_phrase", "The end."), "A story. **The end.**"));
    assertTrue(loose(id, kwargs("end_phrase", "The end."), "A story. **The end.**"));
  }

  @Test
  void quotation() {
    String id = "startend:quotation";
    assertTrue(strict(id, NONE, "  \"Hello\"  "));
    assertFalse(strict(id, NONE, "\""));
    assertFalse(strict(id, NONE, "'Hello'"));
  }

  @Test
  void noComma() {
    String id = "punctuation:no_comma";
    assertTrue(strict(id, NONE, "No commas here"));
    assertFalse(strict(id, NONE, "a, b"));
    // A blank response follows nothing, even an instruction it cannot break.
    assertFalse(strict(id, NONE, "   "));
    assertFalse(loose(id, NONE, "   "));
  }
}
