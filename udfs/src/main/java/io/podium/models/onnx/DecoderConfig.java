package io.podium.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the engine needs from an export's {@code config.json}: the context window, the
 * end-of-text token, under the names Hugging Face configs use, and whether the tokenizer adds
 * its special tokens (BOS) to every text.
 *
 * @param addBosToken as the leaderboard's harness decides it (lm_eval/models/huggingface.py:266-273
 *     at adding_all_changess): true for the Gemma family ({@code model_type} gemma, gemma2,
 *     recurrentgemma), else false. The harness then encodes with {@code add_special_tokens}, so
 *     a text that already starts with the BOS token (a Gemma chat template writes
 *     {@code {{ bos_token }}}) gets a second one, as it did on the leaderboard.
 * @param shape the decoder's sizes, or null when config.json does not give them
 */
public record DecoderConfig(int maxLength, int eosTokenId, boolean addBosToken, DecoderShape shape) {

  /** model_type values the harness adds a BOS token for. */
  static final java.util.Set<String> BOS_MODEL_TYPES = java.util.Set.of("gemma", "gemma2", "recurrentgemma");

  public static DecoderConfig read(Path configJson) throws IOException {
    if (!Files.exists(configJson)) {
      throw new IOException("missing " + configJson + " (an Optimum export has model.onnx, tokenizer.json, config.json)");
    }
    JsonNode c = new ObjectMapper().readTree(configJson.toFile());
    int maxLength = first(c, 2048, "max_position_embeddings", "n_positions", "n_ctx", "seq_length");
    JsonNode eos = c.get("eos_token_id");
    if (eos != null && eos.isArray()) {
      eos = eos.get(0);
    }
    if (eos == null || !eos.canConvertToInt()) {
      throw new IOException(configJson + " has no eos_token_id; add it (the id of the end-of-text token)");
    }
    String modelType = c.path("model_type").asText("");
    return new DecoderConfig(maxLength, eos.asInt(), BOS_MODEL_TYPES.contains(modelType), DecoderShape.of(c));
  }

  /** The first of {@code names} that config.json gives as an integer, else {@code fallback}. */
  static int first(JsonNode c, int fallback, String... names) {
    for (String n : names) {
      if (c.hasNonNull(n) && c.get(n).canConvertToInt()) {
        return c.get(n).asInt();
      }
    }
    return fallback;
  }
}
