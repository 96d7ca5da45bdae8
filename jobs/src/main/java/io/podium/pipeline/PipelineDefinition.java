package io.podium.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.podium.conf.PodiumConf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pipeline's steps ({@code conf/pipeline.yaml}), shared by {@code podium run-pipeline} and the
 * Airflow DAG so that the two cannot drift.
 *
 * @param steps in order
 */
public record PipelineDefinition(List<Step> steps) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public PipelineDefinition {
    steps = List.copyOf(steps);
  }

  
  /** The pipeline's steps as shipped ({@code conf/pipeline.yaml}), shared with the Airflow DAG. */
  public static PipelineDefinition shipped() throws IOException {
    return PodiumConf.load("conf/pipeline.yaml", PipelineDefinition::load);
  }
public static PipelineDefinition load(InputStream in, String fileName) throws IOException {
    try {
      return YAML.readValue(in, PipelineDefinition.class);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw new IOException("invalid pipeline definition " + fileName + ": " + e.getMessage(), e);
    }
  }

  /**
   * One step: a podium subcommand and its arguments.
   *
   * @param name the step's (and the DAG task's) name
   * @param command the podium subcommand
   * @param args its arguments; {@code {source}}, {@code {claim_id}} and {@code {model_key}} are filled in
   * @param perSubmission run once per claimed submission
   */
  public record Step(String name, String command, List<String> args, boolean perSubmission) {

    public Step {
      Objects.requireNonNull(name, "step name");
      Objects.requireNonNull(command, "command of step " + name);
      args = args == null ? List.of() : List.copyOf(args);
    }

    /** The command line of this step with the placeholders filled in. */
    public List<String> commandLine(Map<String, String> values) {
      List<String> line = new ArrayList<>();
      line.add(command);
      for (String a : args) {
        String filled = a;
        for (Map.Entry<String, String> v : values.entrySet()) {
          filled = filled.replace("{" + v.getKey() + "}", v.getValue());
        }
        if (filled.matches(".*\\{[a-z_]+}.*")) {
          throw new IllegalArgumentException("step " + name + ": no value for " + filled + " (known: "
              + values.keySet() + ")");
        }
        line.add(filled);
      }
      return line;
    }
  }
}
