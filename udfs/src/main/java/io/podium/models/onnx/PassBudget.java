package io.podium.models.onnx;

/**
 * How many rows a forward pass may take: at most {@code maxRows}, at most {@code maxTokens}
 * rows x length, and, when the model's shape is known, at most {@code maxBytes} of what ONNX
 * Runtime holds for the pass ({@link DecoderShape#passBytes}). A single row always runs: a
 * request is never refused for its length (it was truncated to the window before); a prefill
 * too large for the bytes runs in chunks ({@link #chunk}).
 */
public record PassBudget(int maxRows, int maxTokens, long maxBytes, DecoderShape shape) {

  /** Rows of {@code length} new tokens on {@code past} cached positions, at most {@code available}. */
  public int rows(int length, int past, int available) {
    int rows = 1;
    while (rows < Math.min(available, maxRows) && fits(rows + 1, length, past, 0)) {
      rows++;
    }
    return rows;
  }

  /**
   * Rows of prompts up to {@code length} tokens that may generate {@code newTokens} together:
   * the prefill, and the caches the last step holds.
   */
  public int generationRows(int length, int newTokens, int available) {
    int rows = 1;
    while (rows < Math.min(available, maxRows) && fits(rows + 1, length, 0, newTokens)) {
      rows++;
    }
    return rows;
  }

  /**
   * Tokens per chunk for a prefill of one row of {@code length} tokens: the whole row when it
   * fits, else the longest chunk (down to 16 tokens) whose pass fits on a cache of the full length.
   */
  public int chunk(int length) {
    if (shape == null || shape.passBytes(1, length, 0) <= maxBytes) {
      return length;
    }
    int chunk = length;
    while (chunk > 16 && shape.passBytes(1, chunk, length) > maxBytes) {
      chunk /= 2;
    }
    return chunk;
  }

  private boolean fits(int rows, int length, int past, int newTokens) {
    if ((long) rows * length > maxTokens) {
      return false;
    }
    if (shape == null) {
      return true;
    }
    long lastStep = newTokens == 0 ? 0 : shape.passBytes(rows, 1, length + newTokens);
    return Math.max(shape.passBytes(rows, length, past), lastStep) <= maxBytes;
  }
}
