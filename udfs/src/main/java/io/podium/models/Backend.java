package io.podium.models;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;

/**
 * One way of running a model: the {@code backend} of a model file. A backend knows which URIs
 * and engine options it takes, whether a model is there, whether it computes on the Spark task's
 * accelerator, and how to open it. Each one is registered once, by a line in
 * {@code META-INF/services/io.podium.models.Backend}; {@link Backends} finds them.
 */
public interface Backend {

  /** The name model files and command lines use ({@code backend: onnx}). */
  String name();

  /**
   * The engine options it takes ({@code options:} in a model file) with their defaults. Every
   * option whose value differs from its default is part of {@link ModelSpec#configHash()}, but
   * for the {@link #connectionOptions()}.
   */
  Map<String, String> defaultOptions();

  /**
   * Options that say how to reach the model, not what it computes (timeouts, retries): left out
   * of {@link ModelSpec#configHash()}, so a rerun with a longer timeout resumes what was done.
   */
  default Set<String> connectionOptions() {
    return Set.of();
  }

  /** Checks a spec's URI and options without any I/O; throws {@link IllegalArgumentException}. */
  default void validate(ModelSpec spec) {
  }

  /**
   * Whether the model is there ({@code submit --check}): files that must exist, an endpoint that
   * must answer. Throws {@link IllegalArgumentException} naming what is missing and the fix.
   */
  void checkExists(ModelSpec spec, Configuration hadoop) throws IOException;

  /**
   * Whether the model computes inside the Spark task on an accelerator when it has one; such
   * inference tasks ask Spark for a GPU each.
   */
  boolean runsOnGpu(ModelSpec spec);

  /** Where a model computes when it does not use the task's GPU, for the run's output. */
  default String computesWhere(ModelSpec spec) {
    return "in the Spark task";
  }

  /**
   * Opens the model.
   *
   * @param cudaDevice the GPU Spark gave the task, or null
   * @param threads CPU threads per forward pass (0: all cores)
   */
  LanguageModel open(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders) throws IOException;
}
