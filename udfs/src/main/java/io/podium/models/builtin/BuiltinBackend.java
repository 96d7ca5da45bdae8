package io.podium.models.builtin;

import io.podium.models.Backend;
import io.podium.models.LanguageModel;
import io.podium.models.ModelFolders;
import io.podium.models.ModelSpec;
import io.podium.models.onnx.OnnxBackend;
import io.podium.models.onnx.OnnxDecoderModel;
import io.podium.models.sphinx.SphinxTrigramModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code backend: builtin}: the models that ship in the jar, for tests and the demo: the seeded
 * GPTs (ONNX graphs written at first use, so they run on ONNX Runtime like an export) and
 * {@value #SPHINX_TRIGRAM}, CMU Sphinx's trigram language model in plain Java.
 */
public final class BuiltinBackend implements Backend {

  public static final String SPHINX_TRIGRAM = "sphinx-trigram";

  /** Every built-in model name. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(BuiltinModels.NAMES);
    names.add(SPHINX_TRIGRAM);
    return names;
  }

  @Override
  public String name() {
    return "builtin";
  }

  @Override
  public Map<String, String> defaultOptions() {
    return new OnnxBackend().defaultOptions();
  }

  @Override
  public void validate(ModelSpec spec) {
    if (!names().contains(spec.uri())) {
      throw new IllegalArgumentException("no built-in model '" + spec.uri() + "'; the built-in models are "
          + String.join(", ", names()));
    }
    OnnxBackend.engineOptions(spec, null, 0);
  }

  /** Nothing to look for: {@link #validate} knows every built-in model. */
  @Override
  public void checkExists(ModelSpec spec, Configuration hadoop) {
  }

  @Override
  public boolean runsOnGpu(ModelSpec spec) {
    return !spec.uri().equals(SPHINX_TRIGRAM);
  }

  @Override
  public String computesWhere(ModelSpec spec) {
    return "computes in plain Java";
  }

  @Override
  public LanguageModel open(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders) throws IOException {
    if (spec.uri().equals(SPHINX_TRIGRAM)) {
      return new SphinxTrigramModel(spec.modelKey());
    }
    Path dir = BuiltinModels.materialize(spec.uri(), folders.cacheRoot().resolve("builtin"));
    OnnxDecoderModel.Options options = OnnxBackend.engineOptions(spec, cudaDevice, threads);
    return new OnnxDecoderModel(spec.modelKey(), dir, options);
  }
}
