package io.podium.conf;

import io.podium.tasks.TaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data files of {@code conf/}, packaged into the application jar so that a cluster run needs
 * nothing but the jar. Each feature reads its own file through {@link #load} (the source layouts
 * in {@code ingest.SourceLayout}, the normalization in {@code leaderboard.normalize}, the
 * submission rules, the pipeline); the benchmark task definitions, which every job reads, are
 * here.
 */
public final class PodiumConf {

  /** Reads one conf file; {@code name} is the file's path under the jar, for messages. */
  @FunctionalInterface
  public interface Loader<T> {
    T load(InputStream in, String name) throws IOException;
  }

  private PodiumConf() {}

  /** Every benchmark definition ({@code conf/benchmarks/*.yaml}), by benchmark name, in name order. */
  public static Map<String, TaskDefinition> benchmarks() throws IOException {
    Map<String, TaskDefinition> out = new LinkedHashMap<>();
    for (TaskDefinition def : loadAll("conf/benchmarks", TaskDefinition::load)) {
      out.put(def.benchmark(), def);
    }
    return out;
  }

  /** One file, e.g. {@code load("conf/pipeline.yaml", PipelineDefinition::load)}. */
  public static <T> T load(String file, Loader<T> loader) throws IOException {
    int slash = file.lastIndexOf('/');
    Path path = ClasspathFolder.path(file.substring(0, slash)).resolve(file.substring(slash + 1));
    try (InputStream in = Files.newInputStream(path)) {
      return loader.load(in, file);
    }
  }

  /** Every YAML file of a conf folder, in file name order. */
  public static <T> List<T> loadAll(String folder, Loader<T> loader) throws IOException {
    List<T> out = new ArrayList<>();
    for (Path file : ClasspathFolder.list(folder, ".yaml")) {
      try (InputStream in = Files.newInputStream(file)) {
        out.add(loader.load(in, folder + "/" + file.getFileName()));
      }
    }
    return out;
  }

  /**
   * Copies the sample benchmark files shipped in the jar ({@code samples/}, in the Hugging
   * Face layout) into a local folder, for the demo.
   */
  public static void copySamples(Path target) throws IOException {
    ClasspathFolder.copyTo("samples", target);
  }
}
