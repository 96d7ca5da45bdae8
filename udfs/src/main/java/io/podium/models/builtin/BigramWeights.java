package io.podium.models.builtin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parameters that make the GPT graph compute a byte-level bigram language model estimated
 * from text: token embeddings are one-hot, positions and the attention and MLP outputs are
 * zero (so the residual stream keeps the one-hot), the final LayerNorm is set to give the
 * one-hot back exactly, and the output head holds log P(next byte | byte), add-k smoothed.
 * Attention still computes real keys and values (seeded), so the KV cache path is exercised.
 */
public final class BigramWeights implements GptWeights {

  private final GptShape shape;
  private final float[][] logProbs;
  private final SeededWeights random = new SeededWeights(7, 0.02);

  /**
   * @param text the corpus; lines are documents, separated by the end-of-text token
   * @param eos the end-of-text token id (also the vocabulary's last id)
   */
  public BigramWeights(GptShape shape, String text, int eos, double smoothing) {
    if (shape.dModel() < shape.vocab()) {
      throw new IllegalArgumentException("a one-hot residual stream needs d_model >= vocab");
    }
    this.shape = shape;
    int v = shape.vocab();
    double[][] counts = new double[v][v];
    for (String line : text.split("\n")) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      int previous = eos;
      for (byte b : bytes) {
        counts[previous][b & 0xff]++;
        previous = b & 0xff;
      }
      counts[previous][eos]++;
    }
    logProbs = new float[v][v];
    for (int a = 0; a < v; a++) {
      double total = Arrays.stream(counts[a]).sum() + smoothing * v;
      for (int b = 0; b < v; b++) {
        logProbs[a][b] = (float) Math.log((counts[a][b] + smoothing) / total);
      }
    }
  }

  @Override
  public float[] get(String name, int... dims) {
    int d = shape.dModel();
    int v = shape.vocab();
    switch (name) {
      case "wte" -> {
        float[] out = new float[v * d];
        for (int i = 0; i < v; i++) {
          out[i * d + i] = 1f;
        }
        return out;
      }
      case "wpe" -> {
        return new float[dims[0] * dims[1]];
      }
      case "ln_f.g" -> {
        float[] out = new float[d];
        // LayerNorm of a one-hot vector: mean 1/d, variance (1/d)(1 - 1/d).
        Arrays.fill(out, (float) Math.sqrt((1.0 / d) * (1 - 1.0 / d) + 1e-5));
        return out;
      }
      case "ln_f.b" -> {
        float[] out = new float[d];
        Arrays.fill(out, (float) (1.0 / d));
        return out;
      }
      case "head" -> {
        float[] out = new float[d * v];
        for (int a = 0; a < v; a++) {
          System.arraycopy(logProbs[a], 0, out, a * v, v);
        }
        return out;
      }
      default -> {
        if (name.endsWith("attn.o.w") || name.endsWith("attn.o.b") || name.endsWith("mlp.proj.w")
            || name.endsWith("mlp.proj.b")) {
          int n = 1;
          for (int x : dims) {
            n *= x;
          }
          return new float[n];
        }
        return random.get(name, dims);
      }
    }
  }
}
