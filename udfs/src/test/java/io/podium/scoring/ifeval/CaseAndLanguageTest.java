package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static io.podium.scoring.ifeval.Check.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * change_case:capital_word_frequency, english_capital, english_lowercase;
 * language:response_language.
 */
class CaseAndLanguageTest {

  private static final Map<String, Object> NONE = Map.of();

  @Test
  void capitalWordsAreNltkTokens() {
    String id = "change_case:capital_word_frequency";
    // I, DO, N'T, KNOW: nltk splits the clitic off.
    assertTrue(strict(id, kwargs("capital_frequency", 4, "capital_relation", "at least"),
        "I DON'T KNOW"));
    // "AI-driven" is one token, not all capitals.
    assertFalse(strict(id, kwargs("capital_frequency", 2, "capital_relation", "at least"),
        "AI-driven tools at NASA"));
    // YOU, CAN, NOT.
    assertFalse(strict(id, kwargs("capital_frequency", 2, "capital_relation", "less than"),
        "YOU CANNOT"));
  }

  @Test
  void englishCapital() {
    String id = "change_case:english_capital";
    assertTrue(strict(id, NONE,
        "THIS IS AN ENGLISH SENTENCE ABOUT THE WEATHER TODAY AND IT IS SUNNY."));
    assertFalse(strict(id, NONE, "This is an English sentence."));
  }

  @Test
  void englishLowercase() {
    String id = "change_case:english_lowercase";
    assertTrue(strict(id, NONE,
        "this is an english sentence about the weather today and it is sunny."));
    assertFalse(strict(id, NONE, "hello World, this is an english sentence."));
  }

  @Test
  void responseLanguage() {
    String id = "language:response_language";
    assertTrue(strict(id, kwargs("language", "de"),
        "Das ist ein kurzer Text über das Wetter in Berlin, und er ist auf Deutsch geschrieben."));
    assertFalse(strict(id, kwargs("language", "de"),
        "This is a short text about the weather in Berlin, written in English."));
    // langdetect finds no letters to go on: the reference lets it pass.
    assertTrue(strict(id, kwargs("language", "ko"), "12345 !!! 678"));
  }
}
