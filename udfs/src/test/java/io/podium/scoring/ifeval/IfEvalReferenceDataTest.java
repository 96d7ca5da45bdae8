package io.podium.scoring.ifeval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.scoring.ifeval.text.PunktParameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scores the real response files in shared/data/ifeval and compares with the accuracies the
 * reference (lm-evaluation-harness ifeval) reports for the GPT-4 file.
 */
class IfEvalReferenceDataTest {

  /** Prompt- and instruction-level counts over a response file. */
  record Totals(int prompts, int instructions, int strictPrompts, int strictInstructions,
      int loosePrompts, int looseInstructions, List<Integer> inexactMatches) {}

  static Totals score(String responseFile) throws IOException {
    List<IfEvalPrompt> prompts = IfEvalData.prompts();
    Map<String, String> responses = IfEvalData.responses(responseFile);
    int instructions = 0;
    int strictPrompts = 0;
    int strictInstructions = 0;
    int loosePrompts = 0;
    int looseInstructions = 0;
    List<Integer> inexact = new ArrayList<>();
    for (IfEvalPrompt prompt : prompts) {
      IfEvalData.Match match = IfEvalData.responseTo(prompt, responses);
      if (!match.exact()) {
        inexact.add(prompt.key());
      }
      IfEvalVerdict verdict = IfEvalScorer.score(prompt, match.response());
      instructions += verdict.strict().size();
      strictPrompts += verdict.followAllStrict() ? 1 : 0;
      loosePrompts += verdict.followAllLoose() ? 1 : 0;
      strictInstructions += (int) verdict.strict().stream().filter(b -> b).count();
      looseInstructions += (int) verdict.loose().stream().filter(b -> b).count();
    }
    return new Totals(prompts.size(), instructions, strictPrompts, strictInstructions,
        loosePrompts, looseInstructions, inexact);
  }

  @Test
  void gpt4FileGivesTheReferenceAccuracies() throws IOException {
    Totals t = score(IfEvalData.GPT4_RESPONSES);
    assertEquals(541, t.prompts());
    assertEquals(834, t.instructions());
    assertEquals(List.of(2785), t.inexactMatches(), "only key 2785's prompt text differs");

    // Reference: strict 0.7671 = 415/541 (prompt), 0.8345 = 696/834 (instruction).
    assertEquals(415, t.strictPrompts());
    assertEquals(696, t.strictInstructions());

    // Reference: loose 0.7948 = 430/541, 0.8549 = 713/834. Keys 1122 ("#") and 1129 ("!") give
    // letter_frequency a non-letter, for which the reference checks a random letter; in the
    // reference run both failed strictly and exactly one passed loosely (prompt 1129: its other
    // instructions pass). Podium scores both as not followed, one fewer than that run.
    int randomLetterLoosePassesInReference = 1;
    assertEquals(430 - randomLetterLoosePassesInReference, t.loosePrompts());
    // Sentence model (PunktParameters): with nltk's English model installed (exact mode) every
    // other verdict is the reference's. With Podium's built-in approximation exactly one verdict
    // of this file differs: key 1174, length_constraints:number_sentences ("less than 6"), loose.
    // Its variants without '*' read "... located in o. Let's check ... to be o. Please stay ...";
    // nltk's model has seen "let" and "please" lower-case, so the periods after the initial "o"
    // end sentences (6 sentences, not followed); the built-in parameters do not know those two
    // words and treat "o. Let" and "o. Please" like "J. Bach" (4 sentences, followed). Prompt 1174
    // fails loosely either way (its letter_frequency check fails), so only the instruction count
    // moves. The strict counts are the same with both models.
    int builtInModelExtraLoosePasses =
        PunktParameters.source().equals(PunktParameters.BUILTIN_SOURCE) ? 1 : 0;
    assertEquals(713 - randomLetterLoosePassesInReference + builtInModelExtraLoosePasses,
        t.looseInstructions());
  }

  @Test
  void llamaFileScoresEveryPrompt() throws IOException {
    Totals t = score(IfEvalData.LLAMA_RESPONSES);
    assertEquals(541, t.prompts());
    assertEquals(List.of(), t.inexactMatches(), "every Llama prompt matches input_data.jsonl");
  }
}
