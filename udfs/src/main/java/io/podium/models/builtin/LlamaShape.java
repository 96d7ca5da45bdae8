package io.podium.models.builtin;

/**
 * The size of a Llama-architecture decoder (Llama 2/3, Qwen2, Mistral without sliding window):
 * RMSNorm, rotary position embeddings, grouped-query attention, SwiGLU.
 *
 * @param vocab vocabulary size (the logits' last dimension)
 * @param hidden width of the residual stream ({@code hidden_size})
 * @param heads query heads ({@code num_attention_heads}); hidden must divide by it
 * @param kvHeads key/value heads ({@code num_key_value_heads}); heads must divide by it
 * @param layers decoder layers ({@code num_hidden_layers})
 * @param intermediate the MLP's width ({@code intermediate_size})
 * @param maxPositions the context window ({@code max_position_embeddings})
 * @param ropeTheta the rotary base ({@code rope_theta})
 * @param rmsEps RMSNorm's epsilon ({@code rms_norm_eps})
 * @param qkvBias whether the query, key and value projections have biases (Qwen2 does)
 * @param tiedEmbeddings whether the output head is the transposed input embedding
 * @param float16 whether weights, key/value caches and logits are float16 (Optimum's
 *     {@code --dtype fp16}); arithmetic runs in float32 between them
 */
public record LlamaShape(int vocab, int hidden, int heads, int kvHeads, int layers, int intermediate,
    int maxPositions, double ropeTheta, double rmsEps, boolean qkvBias, boolean tiedEmbeddings, boolean float16) {

  public LlamaShape {
    if (hidden % heads != 0) {
      throw new IllegalArgumentException("hidden " + hidden + " is not a multiple of heads " + heads);
    }
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException("heads " + heads + " is not a multiple of key/value heads " + kvHeads);
    }
    if ((hidden / heads) % 2 != 0) {
      throw new IllegalArgumentException("head size " + hidden / heads + " must be even for rotary embeddings");
    }
  }

  /** Qwen2.5-0.5B's shape (its config.json): 24 layers, hidden 896, 14/2 heads, 151,936 tokens. */
  public static LlamaShape qwen25HalfB() {
    return new LlamaShape(151_936, 896, 14, 2, 24, 4864, 32_768, 1_000_000, 1e-6, true, true, false);
  }

  /** One layer of Llama-3-8B's shape: hidden 4,096, 32/8 heads, MLP 14,336, 128,256 tokens. */
  public static LlamaShape llama3EightBOneLayer() {
    return new LlamaShape(128_256, 4096, 32, 8, 1, 14_336, 8192, 500_000, 1e-5, false, false, false);
  }

  public int headDim() {
    return hidden / heads;
  }

  /** Query heads per key/value head. */
  public int groups() {
    return heads / kvHeads;
  }

  public LlamaShape withFloat16(boolean half) {
    return new LlamaShape(vocab, hidden, heads, kvHeads, layers, intermediate, maxPositions, ropeTheta, rmsEps,
        qkvBias, tiedEmbeddings, half);
  }

  /** Parameters (embedding counted once when tied). */
  public long parameters() {
    long hd = headDim();
    long attention = (long) hidden * heads * hd * 2 + (long) hidden * kvHeads * hd * 2
        + (qkvBias ? (long) (heads + 2 * kvHeads) * hd : 0);
    long mlp = 3L * hidden * intermediate;
    long perLayer = attention + mlp + 2L * hidden;
    return (long) vocab * hidden * (tiedEmbeddings ? 1 : 2) + layers * perLayer + hidden;
  }
}
