package io.podium.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.testing.CPython;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The stop-sequence cut against the harness's own loop, run in CPython: {@code for term in
 * until: if len(term) > 0: s = s.split(term)[0]} (lm_eval/models/huggingface.py:1403-1407 at
 * adding_all_changess).
 */
class StopSequencesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theHarnessCutsStopByStopInTheOrderGiven() {
    assertEquals(new StopSequences.Cut("The answer is 4.", "\n\n"),
        StopSequences.cut("The answer is 4.\n\nQ: next", List.of("Question:", "\n\n", "")));
    // The earliest stop sequence decides, whichever comes first in the list.
    assertEquals(new StopSequences.Cut("a ", "b"), StopSequences.cut("a b c d", List.of("d", "b")));
    // A stop sequence that overlaps the cut of an earlier one is no longer seen (not the earliest position).
    assertEquals(new StopSequences.Cut("ab", "cd"), StopSequences.cut("abcd", List.of("cd", "bc")));
    StopSequences.Cut none = StopSequences.cut("no stop here", List.of("</s>", ""));
    assertEquals("no stop here", none.text());
    assertNull(none.stop());
    assertTrue(StopSequences.reached("x\n\n", List.of("\n\n")));
    assertFalse(StopSequences.reached("x\n", List.of("", "\n\n")));
  }

  @Test
  void randomTextsCutAsCPythonCutsThem() throws Exception {
    Random random = new Random(7);
    String alphabet = "ab\n:";
    List<String> texts = new ArrayList<>();
    List<List<String>> untils = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      texts.add(randomString(random, alphabet, 12));
      List<String> until = new ArrayList<>();
      for (int j = random.nextInt(4); j >= 0; j--) {
        until.add(randomString(random, alphabet, 3));
      }
      untils.add(until);
    }
    String program = "import json,sys\n"
        + "cases = json.load(sys.stdin)\n"
        + "out = []\n"
        + "for s, until in cases:\n"
        + "    for term in until:\n"
        + "        if len(term) > 0:\n"
        + "            s = s.split(term)[0]\n"
        + "    out.append(s)\n"
        + "print(json.dumps(out))\n";
    List<Object> cases = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      cases.add(List.of(texts.get(i), untils.get(i)));
    }
    List<?> expected = JSON.readValue(CPython.run(program, JSON.writeValueAsString(cases)), List.class);
    for (int i = 0; i < texts.size(); i++) {
      assertEquals(expected.get(i), StopSequences.cut(texts.get(i), untils.get(i)).text(),
          JSON.writeValueAsString(cases.get(i)));
    }
  }

  private static String randomString(Random random, String alphabet, int maxLength) {
    StringBuilder b = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }

}
