package io.podium.leaderboard.page;

import io.podium.submissions.SubmissionRules;

/** Links to a model's page on the Hugging Face Hub, for ids that can have one. */
final class Hub {

  /** Podium's built-in models (builtin:NAME) are podium/NAME: they live in the jar, not on the Hub. */
  private static final String BUILT_IN = "podium/";

  private Hub() {}

  /** {@code https://huggingface.co/ORG/NAME}, or "" for an id that is no Hub model's. */
  static String url(String modelId) {
    if (modelId == null || !SubmissionRules.isModelId(modelId) || modelId.startsWith(BUILT_IN)) {
      return "";
    }
    return "https://huggingface.co/" + modelId;
  }
}
