package io.podium.scoring.ifeval.instructions;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The 25 IFEval instruction ids and the class that checks each. */
public final class Instructions {

  private static final Map<String, Function<InstructionArgs, Instruction>> BY_ID = Map.ofEntries(
      entry("keywords:existence", KeywordExistence::new),
      entry("keywords:frequency", KeywordFrequency::new),
      entry("keywords:forbidden_words", ForbiddenWords::new),
      entry("keywords:letter_frequency", LetterFrequency::new),
      entry("language:response_language", ResponseLanguage::new),
      entry("length_constraints:number_sentences", NumberOfSentences::new),
      entry("length_constraints:number_paragraphs", NumberOfParagraphs::new),
      entry("length_constraints:number_words", NumberOfWords::new),
      entry("length_constraints:nth_paragraph_first_word", NthParagraphFirstWord::new),
      entry("detectable_content:number_placeholders", NumberOfPlaceholders::new),
      entry("detectable_content:postscript", Postscript::new),
      entry("detectable_format:number_bullet_lists", NumberOfBulletLists::new),
      entry("detectable_format:constrained_response", ConstrainedResponse::new),
      entry("detectable_format:number_highlighted_sections", NumberOfHighlightedSections::new),
      entry("detectable_format:multiple_sections", MultipleSections::new),
      entry("detectable_format:json_format", JsonFormat::new),
      entry("detectable_format:title", Title::new),
      entry("combination:two_responses", TwoResponses::new),
      entry("combination:repeat_prompt", RepeatPrompt::new),
      entry("startend:end_checker", EndPhrase::new),
      entry("startend:quotation", Quotation::new),
      entry("change_case:capital_word_frequency", CapitalWordFrequency::new),
      entry("change_case:english_capital", EnglishCapital::new),
      entry("change_case:english_lowercase", EnglishLowercase::new),
      entry("punctuation:no_comma", NoComma::new));

  private Instructions() {}

  /** The supported instruction ids. */
  public static Set<String> ids() {
    return BY_ID.keySet();
  }

  /**
   * The instruction with its kwargs bound.
   *
   * @throws IllegalArgumentException for an unknown id, or kwargs the reference would not accept
   *     or would replace with random values
   */
  public static Instruction create(String id, Map<String, ?> kwargs) {
    Function<InstructionArgs, Instruction> factory = BY_ID.get(id);
    if (factory == null) {
      throw new IllegalArgumentException("unknown IFEval instruction id '" + id + "'");
    }
    return factory.apply(new InstructionArgs(id, kwargs));
  }
}
