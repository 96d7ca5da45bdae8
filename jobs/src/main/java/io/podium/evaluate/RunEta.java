package io.podium.evaluate;

/**
 * The time left in an evaluate run, from tokens rather than requests: a MuSR request forwards a
 * hundred times the tokens of an MMLU-Pro letter, so a rate in requests per second is off by
 * however unlike the chunks done so far are to the ones left.
 *
 * <p>The work of every chunk is known before inference in characters of prompt (context and
 * continuation) and in {@code max_gen_toks}; the chunks done convert both to tokens (prompt
 * tokens per character, and generated tokens per token allowed, the latter taken as 1 until a
 * generation request is done: its upper bound), and the tokens left divided by the run's tokens
 * per second so far is the estimate.
 */
final class RunEta {

  /** The planned work of some requests: how many, their prompt characters, their generation allowance. */
  record Work(long requests, long promptChars, long maxGenTokens) {
    static final Work NONE = new Work(0, 0, 0);

    Work plus(Work other) {
      return new Work(requests + other.requests, promptChars + other.promptChars, maxGenTokens + other.maxGenTokens);
    }
  }

  private final Work planned;
  private Work done = Work.NONE;
  private long promptTokens;
  private long generatedTokens;

  RunEta(Work planned) {
    this.planned = planned;
  }

  /** Records a finished chunk: its planned work and the tokens it forwarded and generated. */
  void chunkDone(Work work, long promptTokens, long generatedTokens) {
    this.done = done.plus(work);
    this.promptTokens += promptTokens;
    this.generatedTokens += generatedTokens;
  }

  /** Tokens done so far, prompt and generated. */
  long tokensDone() {
    return promptTokens + generatedTokens;
  }

  /** Estimated tokens left to forward and generate. */
  double tokensLeft() {
    double perChar = done.promptChars() == 0 ? 1.0 : promptTokens / (double) done.promptChars();
    double perAllowed = done.maxGenTokens() == 0 ? 1.0 : generatedTokens / (double) done.maxGenTokens();
    return (planned.promptChars() - done.promptChars()) * perChar
        + (planned.maxGenTokens() - done.maxGenTokens()) * perAllowed;
  }

  /** Seconds left at the run's rate so far ({@code elapsedSeconds} since it started). */
  double secondsLeft(double elapsedSeconds) {
    if (tokensDone() == 0) {
      return Double.NaN;
    }
    return tokensLeft() / (tokensDone() / Math.max(elapsedSeconds, 1e-9));
  }
}
