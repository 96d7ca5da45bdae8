package io.podium.models;

import java.util.List;

/**
 * The one model interface of Podium, after the lm-evaluation-harness's {@code LM}: the
 * log-likelihood of continuations given contexts, and greedy generation until a stop sequence.
 * Engines (ONNX Runtime, built-in models) implement it; jobs and metrics only see this.
 *
 * <p>Results must not depend on how requests are batched: a request scored alone and inside
 * any batch gives the same answer (up to float rounding).
 */
public interface LanguageModel extends AutoCloseable {

  /** A short name for logs and tables, e.g. {@code builtin:tiny-gpt}. */
  String name();

  /** Where it runs, e.g. {@code cpu} or {@code cuda:0}. */
  String device();

  /**
   * What computes it: ONNX Runtime's execution provider ({@code CUDAExecutionProvider},
   * {@code CPUExecutionProvider}), {@code http} for a remote endpoint, {@code java} for a model
   * computed in plain Java.
   */
  default String executionProvider() {
    return "java";
  }

  /** Log-likelihood of each request's continuation given its context, in request order. */
  List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests);

  /** Greedy generation for each request, in request order. */
  List<GenerationResult> generate(List<GenerationRequest> requests);

  @Override
  void close();
}
