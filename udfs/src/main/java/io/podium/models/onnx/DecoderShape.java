package io.podium.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The sizes of a decoder that decide what a forward pass costs, read from an export's
 * {@code config.json} under the names Hugging Face configs use (Llama/Qwen/Mistral's
 * {@code hidden_size}, {@code num_key_value_heads}, ...; GPT-2's {@code n_embd}, ...).
 *
 * @param layers decoder layers
 * @param hidden width of the residual stream
 * @param heads query heads
 * @param kvHeads key/value heads (the cache's heads; fewer than {@code heads} with grouped-query attention)
 * @param headDim size of one head
 * @param intermediate the MLP's width
 * @param mlpMatrices weight matrices in the MLP: 3 for a gated MLP (SwiGLU), 2 for GPT-2's
 * @param vocab vocabulary size
 * @param cacheBytes bytes per cached key or value (2 for float16 exports, 4 for float32)
 */
public record DecoderShape(int layers, int hidden, int heads, int kvHeads, int headDim, int intermediate,
    int mlpMatrices, int vocab, int cacheBytes) {

  /** Reads the shape from a parsed config.json; null when it names no width. */
  public static DecoderShape of(JsonNode c) {
    int hidden = DecoderConfig.first(c, -1, "hidden_size", "n_embd", "d_model");
    int heads = DecoderConfig.first(c, -1, "num_attention_heads", "n_head");
    int layers = DecoderConfig.first(c, -1, "num_hidden_layers", "n_layer");
    int vocab = DecoderConfig.first(c, -1, "vocab_size");
    if (hidden <= 0 || heads <= 0 || layers <= 0 || vocab <= 0) {
      return null;
    }
    boolean gpt2 = !c.has("intermediate_size");
    int intermediate = gpt2 ? DecoderConfig.first(c, 4 * hidden, "n_inner") : c.get("intermediate_size").asInt();
    int kvHeads = DecoderConfig.first(c, heads, "num_key_value_heads");
    int headDim = DecoderConfig.first(c, hidden / heads, "head_dim");
    String dtype = c.path("torch_dtype").asText("float32");
    int bytes = dtype.equals("float16") || dtype.equals("bfloat16") ? 2 : 4;
    return new DecoderShape(layers, hidden, heads, kvHeads, headDim, intermediate, gpt2 ? 2 : 3, vocab, bytes);
  }

  /** This shape with the cache's layout as the loaded graph declares it (authoritative over config.json). */
  public DecoderShape withCache(int graphLayers, int graphKvHeads, int graphHeadDim, int graphCacheBytes) {
    return new DecoderShape(graphLayers, hidden, heads, graphKvHeads, graphHeadDim, intermediate, mlpMatrices, vocab,
        graphCacheBytes);
  }

  /** Weights each token is multiplied by: the layers' projections and the output head. */
  public long matmulParameters() {
    long attention = (long) hidden * heads * headDim * 2 + (long) hidden * kvHeads * headDim * 2;
    long mlp = (long) mlpMatrices * hidden * intermediate;
    return layers * (attention + mlp) + (long) hidden * vocab;
  }

  /**
   * Floating-point operations to forward one token that attends to {@code attended} positions
   * (itself included): two per weight (multiply and add), and {@code q.k} and the weighted sum
   * of values in every layer.
   */
  public double flopsPerToken(int attended) {
    return 2.0 * matmulParameters() + 4.0 * layers * heads * headDim * attended;
  }

  /** Bytes of one row's cache per position: keys and values of every layer. */
  public long cacheBytesPerPosition() {
    return 2L * layers * kvHeads * headDim * cacheBytes;
  }

  /**
   * What ONNX Runtime holds at once for a pass of {@code rows} x {@code length} new tokens on
   * {@code past} cached positions, by design of the graph (an upper estimate): the caches in
   * and out, one layer's activations (residual, normed copy, q/k/v, attention scores and their
   * softmax, the MLP's intermediate tensors) and the logits with the scoring head's work on them.
   */
  public long passBytes(int rows, int length, int past) {
    long tokens = (long) rows * length;
    long total = past + length;
    long caches = rows * total * cacheBytesPerPosition() + rows * (long) past * cacheBytesPerPosition();
    long activations = tokens * 4L * (4L * hidden + (heads + 2L * kvHeads) * headDim + (mlpMatrices + 1L) * intermediate);
    long scores = 2L * rows * heads * length * total * 4L;
    long logits = tokens * vocab * 4L * (cacheBytes == 2 ? 2 : 1) + tokens * vocab * 4L;
    return caches + activations + scores + logits;
  }

}
