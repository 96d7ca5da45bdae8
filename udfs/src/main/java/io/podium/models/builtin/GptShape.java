package io.podium.models.builtin;

/**
 * The size of a built-in GPT-style decoder.
 *
 * @param vocab vocabulary size
 * @param dModel width of the residual stream
 * @param heads attention heads (dModel must divide by it)
 * @param layers transformer blocks
 * @param maxPositions learned positions, the context window
 */
public record GptShape(int vocab, int dModel, int heads, int layers, int maxPositions) {
  public GptShape {
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("d_model " + dModel + " is not a multiple of heads " + heads);
    }
  }

  public int headDim() {
    return dModel / heads;
  }
}
