package io.podium.scoring.ifeval;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.Instructions;
import io.podium.scoring.ifeval.text.PunktParameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scores a response to an IFEval prompt the way lm-evaluation-harness's {@code ifeval} task does
 * (Google's instruction_following_eval checks; see {@link Instructions} for the 25 of them).
 *
 * <p>Strict: each instruction is checked on the response; an all-whitespace response follows
 * nothing. Loose: an instruction counts as followed if any of eight variants of the response is
 * non-blank and follows it: the response, without its first line, without its last line, without
 * both (each stripped), and each of those four with every {@code *} removed. That forgives a
 * preamble ("Sure, here is..."), a closing remark, and markdown emphasis.
 *
 * <p>kwargs are used as the harness passes them: falsy values (null, 0, "", []) are dropped
 * first. The harness would also re-build an instruction with {@code prompt=} the prompt text when
 * the instruction's arguments include a {@code prompt} key; none of the 25 has one, so the prompt
 * text only reaches {@code combination:repeat_prompt}, through its {@code prompt_to_repeat}
 * kwarg.
 *
 * <p>Sentences ({@code length_constraints:number_sentences}, and the word tokens of {@code
 * change_case:capital_word_frequency}) are split with nltk's English Punkt model when it is
 * installed, otherwise with Podium's approximation of it; {@link #sentenceModel()} says which, so
 * that a caller can report it beside the scores (see {@link PunktParameters}).
 *
 * <p>Thread-safe; no Spark.
 */
public final class IfEvalScorer {

  private IfEvalScorer() {}

  /**
   * The sentence model verdicts are computed with: {@code "nltk punkt_tab at PATH"} (exact
   * reference behaviour) or {@value PunktParameters#BUILTIN_SOURCE}.
   */
  public static String sentenceModel() {
    return PunktParameters.source();
  }

  /**
   * The verdict for each instruction of the prompt.
   *
   * @throws IllegalArgumentException naming the instruction id and the prompt key, when an
   *     instruction id is unknown or its kwargs are unusable
   */
  public static IfEvalVerdict score(IfEvalPrompt prompt, String response) {
    List<Instruction> instructions = instructionsOf(prompt);
    List<String> variants = looseVariants(response);
    boolean answered = !PyStr.strip(response).isEmpty();
    List<Boolean> strict = new ArrayList<>(instructions.size());
    List<Boolean> loose = new ArrayList<>(instructions.size());
    for (Instruction instruction : instructions) {
      strict.add(answered && instruction.isFollowedBy(response));
      boolean any = false;
      for (String variant : variants) {
        if (!PyStr.strip(variant).isEmpty() && instruction.isFollowedBy(variant)) {
          any = true;
          break;
        }
      }
      loose.add(any);
    }
    return new IfEvalVerdict(strict, loose);
  }

  private static List<Instruction> instructionsOf(IfEvalPrompt prompt) {
    List<Instruction> out = new ArrayList<>(prompt.instructionIds().size());
    for (int i = 0; i < prompt.instructionIds().size(); i++) {
      String id = prompt.instructionIds().get(i);
      try {
        out.add(Instructions.create(id, prompt.kwargs().get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "IFEval prompt " + prompt.key() + ", instruction '" + id + "': " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** The reference's eight loose variants, without duplicates (their order does not matter). */
  static List<String> looseVariants(String response) {
    List<String> lines = PyStr.split(response, "\n");
    int n = lines.size();
    String removeFirst = PyStr.strip(String.join("\n", lines.subList(Math.min(1, n), n)));
    String removeLast = PyStr.strip(String.join("\n", lines.subList(0, Math.max(0, n - 1))));
    String removeBoth = n >= 2
        ? PyStr.strip(String.join("\n", lines.subList(1, n - 1))) : "";
    Set<String> variants = new LinkedHashSet<>();
    for (String v : List.of(response, removeFirst, removeLast, removeBoth)) {
      variants.add(v);
      variants.add(v.replace("*", ""));
    }
    return new ArrayList<>(variants);
  }
}
