package io.podium.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the engine needs from an export's {@code config.json}: the context window and the
 * end-of-text token, under the names Hugging Face configs use.
 */
public record DecoderConfig(int maxLength, int eosTokenId) {

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
    return new DecoderConfig(maxLength, eos.asInt());
  }

  private static int first(JsonNode c, int fallback, String... names) {
    for (String n : names) {
      if (c.hasNonNull(n) && c.get(n).canConvertToInt()) {
        return c.get(n).asInt();
      }
    }
    return fallback;
  }
}
