package io.podium.estimate;

import io.podium.models.ContinuationSplitter;
import io.podium.models.Tokenizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tokens a model forwards over the request set, and their FLOPs, two ways: as Podium's
 * engine forwards them, and as lm-evaluation-harness's HF backend does at the leaderboard's
 * fork ({@code adding_all_changess}). Requests come one document at a time.
 *
 * <ul>
 *   <li><b>Podium</b>: a document's context but its last token once, then each continuation
 *       after that token, on the context's cache (prefix sharing); a generation request's
 *       prompt, then one token per generated token on the cache.
 *   <li><b>The harness</b> ({@code HFLM._loglikelihood_tokens}, lm_eval/models/huggingface.py
 *       1075-1290): each request's {@code (context + continuation)[-(max_length + 1):][:-1]}
 *       in full; requests whose inputs are equal are forwarded once (its Collator groups by
 *       {@code context + continuation[:-1]}, lines 1089-1112, when {@code logits_cache} is on,
 *       its default at line 97), which
 *       shares single-token continuations of one context (MMLU-Pro's letters, MuSR's numbers);
 *       padding of a batch to its longest row is not counted (so this is the harness's lower
 *       bound). Generation as above ({@code model.generate} on the prompt with its cache).
 * </ul>
 *
 * Equal inputs are looked for within a document, where the harness's sharing occurs.
 */
public final class SuiteTokens {

  /** One request: {@code maxGenToks} the generation limit (generation requests only). */
  public record Request(String benchmark, boolean loglikelihood, String context, String continuation, int maxGenToks) {}

  /** Totals for one benchmark (or all). */
  public static final class Count {
    long requests;
    long podiumTokens;
    long harnessTokens;
    double podiumFlops;
    double harnessFlops;

    public long requests() {
      return requests;
    }

    public long podiumTokens() {
      return podiumTokens;
    }

    public long harnessTokens() {
      return harnessTokens;
    }

    public double podiumFlops() {
      return podiumFlops;
    }

    public double harnessFlops() {
      return harnessFlops;
    }

    void add(Count c) {
      requests += c.requests;
      podiumTokens += c.podiumTokens;
      harnessTokens += c.harnessTokens;
      podiumFlops += c.podiumFlops;
      harnessFlops += c.harnessFlops;
    }
  }

  private final Tokenizer tokenizer;
  private final int window;
  private final Integer generatedTokens;
  private final FlopCost cost;
  private final Map<String, Count> byBenchmark = new TreeMap<>();

  /**
   * @param window the model's context window (the harness's max_length)
   * @param generatedTokens tokens each generation request generates, at most its max_gen_toks;
   *     null for max_gen_toks itself (the upper bound)
   */
  public SuiteTokens(Tokenizer tokenizer, int window, Integer generatedTokens, FlopCost cost) {
    this.tokenizer = tokenizer;
    this.window = window;
    this.generatedTokens = generatedTokens;
    this.cost = cost;
  }

  /** Counts one document's requests. */
  public void addDocument(List<Request> requests) {
    Set<String> podiumContexts = new HashSet<>();
    Set<String> harnessInputs = new HashSet<>();
    for (Request r : requests) {
      Count c = byBenchmark.computeIfAbsent(r.benchmark(), b -> new Count());
      c.requests++;
      if (r.loglikelihood()) {
        ContinuationSplitter.Split split = ContinuationSplitter.truncate(
            ContinuationSplitter.split(tokenizer, r.context(), r.continuation()), window);
        int context = split.context().length;
        int continuation = split.continuation().length;
        if (podiumContexts.add(Arrays.toString(split.context()))) {
          c.podiumTokens += context - 1;
          c.podiumFlops += cost.run(context - 1, 0);
        }
        c.podiumTokens += continuation;
        c.podiumFlops += cost.run(continuation, context - 1);
        int[] input = Arrays.copyOf(split.context(), context + continuation - 1);
        System.arraycopy(split.continuation(), 0, input, context, continuation - 1);
        if (harnessInputs.add(Arrays.toString(input))) {
          c.harnessTokens += input.length;
          c.harnessFlops += cost.run(input.length, 0);
        }
      } else {
        int limit = Math.max(1, r.maxGenToks());
        int generated = generatedTokens == null ? limit : Math.min(limit, generatedTokens);
        int prompt = r.context().isEmpty() ? 1 : tokenizer.encode(r.context()).length;
        prompt = Math.min(prompt, Math.max(1, window - limit)); // left-truncated as both do
        double flops = cost.run(prompt, 0) + cost.run(generated - 1, prompt);
        long tokens = prompt + generated - 1L; // the last token generated is never fed back
        c.podiumTokens += tokens;
        c.harnessTokens += tokens;
        c.podiumFlops += flops;
        c.harnessFlops += flops;
      }
    }
  }

  public Map<String, Count> byBenchmark() {
    return byBenchmark;
  }

  public Count total() {
    Count all = new Count();
    byBenchmark.values().forEach(all::add);
    return all;
  }
}
