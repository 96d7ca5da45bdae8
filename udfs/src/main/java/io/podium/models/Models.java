package io.podium.models;

import io.podium.models.GpuUnavailableException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Opens models, once per JVM (that is, per Spark executor) and model: every task of the
 * executor reuses the loaded session. Closed when the JVM exits.
 */
public final class Models {

  private static final Logger LOG = Logger.getLogger(Models.class.getName());
  private static final Map<String, LanguageModel> OPEN = new HashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Models::closeAll, "podium-models-close"));
  }

  private Models() {}

  /** The model of this spec on this device, loading it on first use. */
  public static synchronized LanguageModel get(ModelSpec spec, Integer cudaDevice, ModelFolders folders)
      throws IOException {
    return get(spec, cudaDevice, 0, folders);
  }

  /**
   * @param threads CPU threads per forward pass (0: all cores); inside a Spark task, its cores,
   *     so that concurrent tasks do not oversubscribe the executor
   */
  public static synchronized LanguageModel get(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders)
      throws IOException {
    String key = spec.modelKey() + "|" + spec.configHash() + "|" + spec.batchSize() + "|" + spec.prefixSharing()
        + "|" + cudaDevice + "|" + threads + "|" + spec.allowCpu();
    LanguageModel model = OPEN.get(key);
    if (model == null) {
      model = open(spec, cudaDevice, threads, folders);
      OPEN.put(key, model);
    }
    return model;
  }

  private static LanguageModel open(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders)
      throws IOException {
    try {
      return spec.engine().open(spec, cudaDevice, threads, folders);
    } catch (GpuUnavailableException e) {
      throw e; // the caller knows where it runs and names it
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot load model " + spec.describe() + ": " + e.getMessage(), e);
    }
  }

  static synchronized void closeAll() {
    for (LanguageModel m : OPEN.values()) {
      try {
        m.close();
      } catch (RuntimeException e) {
        LOG.warning("closing " + m.name() + ": " + e.getMessage());
      }
    }
    OPEN.clear();
  }
}
