package io.podium.submissions;

import io.podium.models.ModelSpec;

/**
 * What a user asks to have evaluated.
 *
 * @param modelId org/name
 * @param revision a fixed revision
 * @param precision e.g. float32
 * @param backend a registered backend (onnx, openai or builtin)
 * @param uri the model folder, the endpoint, or the built-in model's name
 * @param chatTemplate whether to use the model's chat template
 * @param submitter who asks
 * @param card what the submitter says of the model (type, size, license, base model, flags)
 */
public record SubmissionRequest(String modelId, String revision, String precision, String backend, String uri,
    boolean chatTemplate, String submitter, ModelCard card) {

  public SubmissionRequest {
    card = card == null ? ModelCard.NONE : card;
  }

  /** A request that says nothing of the model but what it is. */
  public SubmissionRequest(String modelId, String revision, String precision, String backend, String uri,
      boolean chatTemplate, String submitter) {
    this(modelId, revision, precision, backend, uri, chatTemplate, submitter, ModelCard.NONE);
  }

  public String modelKey() {
    return modelId + "@" + revision + "#" + precision;
  }

  /** The model this request names, as evaluate will run it. */
  public ModelSpec toSpec() {
    return new ModelSpec(modelId, revision, precision, backend, uri, null, null, chatTemplate, null);
  }
}
