package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static io.podium.scoring.ifeval.Check.loose;
import static io.podium.scoring.ifeval.Check.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * length_constraints:number_sentences, number_paragraphs, number_words, nth_paragraph_first_word.
 */
class LengthConstraintsTest {

  @Test
  void sentencesAreCountedByPunkt() {
    // "Mr." and "p.m." are known abbreviations: two sentences.
    assertTrue(strict("length_constraints:number_sentences",
        kwargs("num_sentences", 3, "relation", "less than"),
        "Mr. Smith arrived at 5 p.m. today. He sat down."));
    assertTrue(strict("length_constraints:number_sentences",
        kwargs("num_sentences", 4, "relation", "at least"), "One. Two! Three? Four."));
    // "(a lot.)" and "..." do not end sentences here: two sentences, not three.
    assertFalse(strict("length_constraints:number_sentences",
        kwargs("num_sentences", 3, "relation", "at least"),
        "It rained (a lot.) Then it stopped... and the sun came out."));
  }

  @Test
  void paragraphsAreSeparatedByThreeStars() {
    Map<String, Object> three = kwargs("num_paragraphs", 3);
    assertTrue(strict("length_constraints:number_paragraphs", three, "A\n***\nB\n***\nC"));
    // Empty text before the first or after the last divider is allowed...
    assertTrue(strict("length_constraints:number_paragraphs", three,
        "***\nA\n***\nB\n***\nC\n***"));
    // ...an empty paragraph in between is not.
    assertFalse(strict("length_constraints:number_paragraphs", kwargs("num_paragraphs", 2),
        "A\n***\n\n***\nB"));
  }

  @Test
  void wordsAreUnicodeWordRuns() {
    assertTrue(strict("length_constraints:number_words",
        kwargs("num_words", 4, "relation", "less than"), "don't stop"));
    assertTrue(strict("length_constraints:number_words",
        kwargs("num_words", 3, "relation", "at least"), "naïve café ok"));
    assertFalse(strict("length_constraints:number_words",
        kwargs("num_words", 4, "relation", "at least"), "naïve café ok"));
  }

  @Test
  void nthParagraphFirstWord() {
    Map<String, Object> kw = kwargs("num_paragraphs", 2, "nth_paragraph", 2, "first_word", "Then");
    String id = "length_constraints:nth_paragraph_first_word";
    // Leading quotes and trailing punctuation are ignored; so is case.
    assertTrue(strict(id, kw, "First part.\n\n\"Then, second.\""));
    // Three paragraphs: not followed strictly; dropping the last line leaves two.
    assertFalse(strict(id, kw, "A\n\nThen b\n\nC"));
    assertTrue(loose(id, kw, "A\n\nThen b\n\nC"));
    // Empty paragraphs are not counted, but the n-th is taken from the list that has them.
    assertFalse(strict(id, kw, "A\n\n\n\nThen b"));
  }

  @Test
  void nthParagraphBeyondTheCountIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> strict(
        "length_constraints:nth_paragraph_first_word",
        kwargs("num_paragraphs", 2, "nth_paragraph", 3, "first_word", "a"), "a"));
  }
}
