package io.podium.estimate;

/**
 * Floating-point operations of a decoder's forward pass, per token: two per weight the token is
 * multiplied by ({@code perToken}, i.e. 2 x parameters), plus {@code perAttendedPosition} for
 * each position it attends to (4 x layers x attention width: the query-key products and the
 * weighted sum of values).
 */
public record FlopCost(double perToken, double perAttendedPosition) {

  /** From a parameter count, with the attention term when layers and the attention width are known (else 0). */
  public static FlopCost of(double parameters, int layers, int attentionWidth) {
    return new FlopCost(2 * parameters, layers > 0 && attentionWidth > 0 ? 4.0 * layers * attentionWidth : 0);
  }

  /** A run of {@code n} tokens at positions {@code offset + 1 ... offset + n} (each attends to itself and all before). */
  public double run(long n, long offset) {
    return n * perToken + perAttendedPosition * (n * (double) offset + n * (n + 1) / 2.0);
  }
}
