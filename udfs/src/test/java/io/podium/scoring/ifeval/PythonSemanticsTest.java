package io.podium.scoring.ifeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import io.podium.scoring.ifeval.text.JsonSyntax;
import io.podium.scoring.ifeval.text.NltkWordTokenizer;
import io.podium.scoring.ifeval.text.PunktParameters;
import io.podium.scoring.ifeval.text.PunktSentenceTokenizer;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Python and nltk behaviour the checks rely on (expected values as Python 3.11 / nltk give). */
class PythonSemanticsTest {

  @Test
  void whitespaceIsPythons() {
    assertEquals("a b", PyStr.strip("\u00a0\u2003 a b\u3000\u001f"));
    assertEquals(List.of("a", "b"), PyStr.split("a\u00a0b"));
    assertEquals(List.of("", "a", "", "b"), PyStr.split("\na\n\nb", "\n"));
  }

  @Test
  void caseIsPythons() {
    assertTrue(PyStr.isUpper("ABC 123!"));
    assertFalse(PyStr.isUpper("123!"));
    assertFalse(PyStr.isUpper("ABc"));
    assertTrue(PyStr.isLower("straße, 42"));
    assertFalse(PyStr.isLower("ǅ"));
  }

  @Test
  void wordsAreUnicodeRuns() {
    assertEquals(5, PyStr.countWords("It's naïve—x² é_1"));
  }

  @Test
  void regexClassesAreUnicodeAndDotStopsAtNewlineOnly() {
    assertTrue(PyRegex.compile("^\\w+$").matcher("naïve").matches());
    assertTrue(PyRegex.compile("a.b").matcher("a\rb").matches());
    assertFalse(PyRegex.compile("a.b").matcher("a\nb").matches());
    assertTrue(PyRegex.compile("a\\sb").matcher("a\u00a0b").matches());
    assertEquals(2, PyRegex.countMatches(
        PyRegex.compile("^\\s*-.*$", Pattern.MULTILINE), "- a\r\n- b\r\n"));
    assertTrue(PyRegex.compile("{x}[[]").matcher("{x}[").matches());
  }

  @Test
  void jsonIsPythonsJsonLoads() {
    assertTrue(JsonSyntax.isValid(" {\"a\": [1, -2.5E+3, true, null, \"\\u00e9\"]}\n"));
    assertTrue(JsonSyntax.isValid("-Infinity"));
    assertTrue(JsonSyntax.isValid("\"x\""));
    assertFalse(JsonSyntax.isValid("01"));
    assertFalse(JsonSyntax.isValid("1."));
    assertFalse(JsonSyntax.isValid("{\"a\": 1,}"));
    assertFalse(JsonSyntax.isValid("\"tab\tinside\""));
    assertFalse(JsonSyntax.isValid("{\"a\": 1} {\"b\": 2}"));
    assertFalse(JsonSyntax.isValid("\u00a0{}"));
  }

  @Test
  void punktCountsSentencesLikeNltk() {
    // Podium's own parameters, so that the result does not depend on an installed nltk model.
    PunktSentenceTokenizer punkt = new PunktSentenceTokenizer(PunktParameters.builtinEnglish());
    assertEquals(0, punkt.countSentences(""));
    assertEquals(1, punkt.countSentences("No final period"));
    assertEquals(2, punkt.countSentences("Mr. Smith arrived at 5 p.m. today. He sat down."));
    assertEquals(2, punkt.countSentences(
        "It rained (a lot.) Then it stopped... and the sun came out."));
    // A capitalised sentence adverb after "..." starts a sentence with Podium's parameters
    // (nltk's English model does not split there and counts 2).
    assertEquals(3, punkt.countSentences(
        "It rained (a lot.) Then it stopped... Finally the sun came out."));
    // "e.g" is one of Podium's abbreviations (nltk's English model lacks it and counts 3).
    assertEquals(2, punkt.countSentences("I like fruit, e.g. apples. They are sweet."));
    assertEquals(4, punkt.countSentences("1. Buy milk\n2. Walk the dog\n3. Sleep"));
    assertEquals(2, punkt.countSentences("Wait... what? Really!"));
    assertEquals(List.of("He said \"Stop.\"", "Then he left!"),
        punkt.tokenize("He said \"Stop.\" Then he left!"));
  }

  @Test
  void wordTokensAreNltks() {
    assertEquals(List.of("I", "DO", "N'T", "KNOW", ",", "SHE", "'S", "``", "FINE", "''", "(",
            "REALLY", ")", "--", "OK", "?"),
        NltkWordTokenizer.wordTokenize("I DON'T KNOW, SHE'S \"FINE\" (REALLY) -- OK?"));
    assertEquals(List.of("AT", "&", "T", "and", "U.S.A.", "rock", ";", "'T", "IS", "so", "."),
        NltkWordTokenizer.wordTokenize("AT&T and U.S.A. rock; 'TIS so."));
    assertEquals(List.of("They", "ca", "n't", "go", ".", "We", "'re", "gon", "na", "win", "!"),
        NltkWordTokenizer.wordTokenize("They can't go. We're gonna win!"));
  }
}
