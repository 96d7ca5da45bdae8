package io.podium.submissions;

/**
 * What a submitter says of a model, shown on the leaderboard and used by its filters, as the
 * Open LLM Leaderboard's submission form asked for it. Every field may be unknown (null), and
 * {@code merged} and {@code moe} default to false.
 *
 * @param modelType one of {@code model_types} in conf/submissions.yaml (pretrained, chat, ...)
 * @param architecture e.g. LlamaForCausalLM
 * @param paramsBillions parameters, in billions
 * @param license the model's license (an SPDX id or the Hub's license tag)
 * @param baseModel the model it was fine-tuned or merged from (org/name)
 * @param merged whether it is a merge of other models
 * @param moe whether it is a mixture of experts
 */
public record ModelCard(String modelType, String architecture, Double paramsBillions, String license,
    String baseModel, boolean merged, boolean moe) {

  /** Nothing known. */
  public static final ModelCard NONE = new ModelCard(null, null, null, null, null, false, false);
}
