package io.podium.scoring.ifeval;

import java.util.List;

/**
 * Whether a response followed each instruction of its prompt, in the prompt's order: strictly
 * (the response as it is) and loosely (see {@link IfEvalScorer}).
 */
public record IfEvalVerdict(List<Boolean> strict, List<Boolean> loose) {

  public IfEvalVerdict {
    strict = List.copyOf(strict);
    loose = List.copyOf(loose);
  }

  /** The prompt-level strict result: every instruction followed. */
  public boolean followAllStrict() {
    return !strict.contains(false);
  }

  /** The prompt-level loose result: every instruction followed by some variant. */
  public boolean followAllLoose() {
    return !loose.contains(false);
  }
}
