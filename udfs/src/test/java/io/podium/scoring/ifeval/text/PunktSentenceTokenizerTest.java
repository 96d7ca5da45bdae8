package io.podium.scoring.ifeval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence splitter with Podium's own English parameters, on cases written for Podium. */
class PunktSentenceTokenizerTest {

  private final PunktSentenceTokenizer punkt =
      new PunktSentenceTokenizer(PunktParameters.builtinEnglish());

  @Test
  void titlesAndCommonAbbreviationsDoNotEndSentences() {
    assertEquals(List.of("Dr. Smith and Mrs. Jones met at St. Mary's on Jan. 5.",
            "They talked."),
        punkt.tokenize("Dr. Smith and Mrs. Jones met at St. Mary's on Jan. 5. They talked."));
    assertEquals(1, punkt.countSentences("Compare plan A vs. plan B, i.e. cost against speed."));
    assertEquals(1, punkt.countSentences("See Fig. 3 and No. 7 for approx. values."));
    assertEquals(2, punkt.countSentences("He moved to the U.S. in 2019. She followed."));
  }

  @Test
  void aCapitalisedFunctionWordAfterAnAbbreviationStartsASentence() {
    assertEquals(List.of("Bring apples, pears, etc.", "The market opens at nine."),
        punkt.tokenize("Bring apples, pears, etc. The market opens at nine."));
    assertEquals(List.of("It was made by Acme Inc.", "However, it broke."),
        punkt.tokenize("It was made by Acme Inc. However, it broke."));
    // A capitalised word that is not a function word may be a name: no break.
    assertEquals(1, punkt.countSentences("Ask Prof. Green about it."));
  }

  @Test
  void initials() {
    assertEquals(1, punkt.countSentences("The novel by J. R. R. Tolkien sold well."));
    // Dotted initialisms are abbreviations by their form.
    assertEquals(1, punkt.countSentences("The books by J.K. Rowling sold well."));
    assertEquals(2, punkt.countSentences("It is made in the U.S.A. The price is low."));
    assertEquals(List.of("Choose option B.", "The other one is worse."),
        punkt.tokenize("Choose option B. The other one is worse."));
  }

  @Test
  void numbers() {
    assertEquals(List.of("Step 1.", "Open the lid."), punkt.tokenize("Step 1. Open the lid."));
    // A lower-case word after a number's period continues the sentence.
    assertEquals(1, punkt.countSentences("The total came to 5. that was all"));
    // "1." on its own is a sentence: four.
    assertEquals(4, punkt.countSentences("1. Buy milk\n2. Walk the dog\n3. Sleep"));
    assertEquals(1, punkt.countSentences("Pi is about 3.14 and e about 2.72 today"));
  }

  @Test
  void ellipses() {
    assertEquals(List.of("Well...", "The rest is history."),
        punkt.tokenize("Well... The rest is history."));
    assertEquals(1, punkt.countSentences("Wait... what"));
    // A word glued to its dots ("waited....") is neither an ellipsis nor a sentence break.
    assertEquals(1, punkt.countSentences("I waited.... Nothing happened."));
  }

  @Test
  void quotesAndBracketsStayWithTheirSentence() {
    assertEquals(List.of("She said \"Stop.\"", "Then she left."),
        punkt.tokenize("She said \"Stop.\" Then she left."));
    assertEquals(List.of("It rained (a lot.)", "Then it stopped."),
        punkt.tokenize("It rained (a lot.) Then it stopped."));
    assertEquals(List.of("Really?!", "Yes."), punkt.tokenize("Really?! Yes."));
  }
}
