package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static io.podium.scoring.ifeval.Check.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keywords:existence, keywords:frequency, keywords:forbidden_words, keywords:letter_frequency. */
class KeywordsTest {

  @Test
  void existenceIsACaseInsensitiveSubstringSearch() {
    Map<String, Object> kw = kwargs("keywords", List.of("cat", "Dog"));
    assertTrue(strict("keywords:existence", kw, "The catalog lists a dog."));
    assertFalse(strict("keywords:existence", kw, "A cat only."));
  }

  @Test
  void frequencyCountsMatchesInsideWordsToo() {
    Map<String, Object> atLeast3 = kwargs("keyword", "the", "frequency", 3, "relation", "at least");
    assertTrue(strict("keywords:frequency", atLeast3, "The theme of the thesis"));
    assertFalse(strict("keywords:frequency", atLeast3, "the end"));
    Map<String, Object> lessThan2 = kwargs("keyword", " war ", "frequency", 2L, "relation", "less than");
    assertFalse(strict("keywords:frequency", lessThan2, "War and warfare"));
    assertTrue(strict("keywords:frequency", lessThan2, "War."));
  }

  @Test
  void frequencyRejectsAnUnknownRelation() {
    assertThrows(IllegalArgumentException.class, () -> strict("keywords:frequency",
        kwargs("keyword", "a", "frequency", 1, "relation", "at most"), "a"));
  }

  @Test
  void forbiddenWordsMatchWholeWordsWithUnicodeBoundaries() {
    Map<String, Object> kw = kwargs("forbidden_words", List.of("run", "die"));
    assertTrue(strict("keywords:forbidden_words", kw, "Running is fine"));
    assertFalse(strict("keywords:forbidden_words", kw, "They RUN fast"));
    // Python's \b is Unicode-aware: "é" is a word character, so "dérun" does not contain "run".
    assertTrue(strict("keywords:forbidden_words", kw, "Le dérun est fini"));
  }

  @Test
  void letterFrequencyIgnoresCase() {
    Map<String, Object> atLeast4 = kwargs("letter", "a", "let_frequency", 4, "let_relation", "at least");
    assertTrue(strict("keywords:letter_frequency", atLeast4, "A banana"));
    assertFalse(strict("keywords:letter_frequency", atLeast4, "A bad cab"));
    Map<String, Object> lessThan2 = kwargs("letter", "Z", "let_frequency", 2, "let_relation", "less than");
    assertTrue(strict("keywords:letter_frequency", lessThan2, "Zebra"));
    assertFalse(strict("keywords:letter_frequency", lessThan2, "ZZ top"));
  }

  @Test
  void aLetterThatIsNotAnAsciiLetterCannotBeFollowed() {
    // The reference checks a random letter instead; Podium counts the instruction as not followed.
    Map<String, Object> kw = kwargs("letter", "#", "let_frequency", 1, "let_relation", "at least");
    assertFalse(strict("keywords:letter_frequency", kw, "#one #two #three"));
  }

  @Test
  void aZeroFrequencyIsAMissingArgument() {
    // The harness drops falsy kwargs, and the reference would then draw a random frequency.
    assertThrows(IllegalArgumentException.class, () -> strict("keywords:letter_frequency",
        kwargs("letter", "a", "let_frequency", 0, "let_relation", "at least"), "a"));
  }
}
