package io.podium.models;

import io.podium.python.PyStr;
import java.util.Arrays;

/**
 * The harness's {@code _encode_pair}: trailing spaces of the context move to the
 * continuation, context + continuation are tokenized together, and the continuation is what
 * follows the context's own tokens. Then, as {@code _loglikelihood_tokens} does, the sequence is
 * truncated on the left to the model's window.
 */
public final class ContinuationSplitter {

  private ContinuationSplitter() {}

  /** Context and continuation tokens of one request. */
  public record Split(int[] context, int[] continuation) {}

  public static Split split(Tokenizer tokenizer, String context, String continuation) {
    if (context.isEmpty()) {
      return new Split(new int[] {tokenizer.eosTokenId()}, tokenizer.encode(continuation));
    }
    int end = context.length();
    while (end > 0 && PyStr.isSpace(context.charAt(end - 1))) {
      end--;
    }
    String ctx = context.substring(0, end);
    String cont = context.substring(end) + continuation;
    int[] whole = tokenizer.encode(ctx + cont);
    int[] contextIds = tokenizer.encode(ctx);
    int n = Math.min(contextIds.length, whole.length);
    return new Split(Arrays.copyOf(whole, n), Arrays.copyOfRange(whole, n, whole.length));
  }


  /**
   * Truncates on the left so that context + continuation - 1 tokens fit in {@code maxLength}
   * (the last continuation token is predicted, never fed). The continuation is never cut;
   * at least one context token is kept.
   */
  public static Split truncate(Split s, int maxLength) {
    int total = s.context().length + s.continuation().length - 1;
    if (total <= maxLength) {
      return s;
    }
    int drop = Math.min(total - maxLength, s.context().length - 1);
    return new Split(Arrays.copyOfRange(s.context(), drop, s.context().length), s.continuation());
  }
}
