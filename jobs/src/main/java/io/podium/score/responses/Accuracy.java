package io.podium.score.responses;

/** Followed / total at prompt level and at instruction level. */
record Accuracy(int promptsFollowed, int prompts, int instructionsFollowed, int instructions) {

  double promptLevel() {
    return prompts == 0 ? Double.NaN : (double) promptsFollowed / prompts;
  }

  double instructionLevel() {
    return instructions == 0 ? Double.NaN : (double) instructionsFollowed / instructions;
  }

  Accuracy add(boolean promptFollowed, int followed, int total) {
    return new Accuracy(promptsFollowed + (promptFollowed ? 1 : 0), prompts + 1, instructionsFollowed + followed,
        instructions + total);
  }

  String describe() {
    return String.format("prompt-level %.4f (%d/%d), instruction-level %.4f (%d/%d)", promptLevel(), promptsFollowed,
        prompts, instructionLevel(), instructionsFollowed, instructions);
  }
}
