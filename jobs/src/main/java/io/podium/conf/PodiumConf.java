package io.podium.conf;

import io.podium.ingest.SourceLayout;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.pipeline.PipelineDefinition;
import io.podium.submissions.SubmissionRules;
import io.podium.tasks.TaskDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data files of {@code conf/} that jobs read: benchmark task definitions
 * ({@code conf/benchmarks/*.yaml}), source layouts ({@code conf/sources/*.yaml}) and the
 * leaderboard's normalization ({@code conf/leaderboard/normalization.yaml}). They are
 * packaged into the application jar, so a cluster run needs nothing but the jar.
 */
public final class PodiumConf {

  private PodiumConf() {}

  /** Every benchmark definition, by benchmark name, in name order. */
  public static Map<String, TaskDefinition> benchmarks() throws IOException {
    Map<String, TaskDefinition> out = new LinkedHashMap<>();
    for (Path file : list("conf/benchmarks")) {
      try (InputStream in = Files.newInputStream(file)) {
        TaskDefinition def = TaskDefinition.load(in, "conf/benchmarks/" + file.getFileName());
        out.put(def.benchmark(), def);
      }
    }
    return out;
  }

  /** The layouts shipped in conf/sources, by name. */
  public static Map<String, SourceLayout> layouts() throws IOException {
    Map<String, SourceLayout> out = new LinkedHashMap<>();
    for (Path file : list("conf/sources")) {
      try (InputStream in = Files.newInputStream(file)) {
        SourceLayout layout = SourceLayout.load(in, "conf/sources/" + file.getFileName());
        out.put(layout.name(), layout);
      }
    }
    return out;
  }

  /** The leaderboard's normalization rules ({@code conf/leaderboard/normalization.yaml}). */
  public static Normalization normalization() throws IOException {
    try (InputStream in = Files.newInputStream(ClasspathFolder.path("conf/leaderboard").resolve("normalization.yaml"))) {
      return Normalization.load(in, "conf/leaderboard/normalization.yaml");
    }
  }

  /** The submission queue's rules ({@code conf/submissions.yaml}). */
  public static SubmissionRules submissionRules() throws IOException {
    try (InputStream in = Files.newInputStream(ClasspathFolder.path("conf").resolve("submissions.yaml"))) {
      return SubmissionRules.load(in, "conf/submissions.yaml");
    }
  }

  /** The pipeline's steps ({@code conf/pipeline.yaml}), shared with the Airflow DAG. */
  public static PipelineDefinition pipeline() throws IOException {
    try (InputStream in = Files.newInputStream(ClasspathFolder.path("conf").resolve("pipeline.yaml"))) {
      return PipelineDefinition.load(in, "conf/pipeline.yaml");
    }
  }

  /** The YAML files of a conf folder on the classpath, sorted. */
  private static List<Path> list(String folder) throws IOException {
    return ClasspathFolder.list(folder, ".yaml");
  }

  /**
   * Copies the sample benchmark files shipped in the jar ({@code samples/}, in the Hugging
   * Face layout) into a local folder, for the demo.
   */
  public static void copySamples(Path target) throws IOException {
    ClasspathFolder.copyTo("samples", target);
  }
}
