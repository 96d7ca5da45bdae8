package io.podium.tasks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark of the leaderboard as data: a file in {@code conf/benchmarks/}, shaped like
 * the lm-evaluation-harness task YAML it reproduces. Rendering is done by
 * {@link PromptRenderer}; this type only holds and validates the definition.
 *
 * @param benchmark Podium's benchmark name (bbh, gpqa, ifeval, math_hard, mmlu_pro, musr)
 * @param group the harness group or task name the leaderboard reported
 * @param version the harness task's {@code metadata.version}; part of every request id
 * @param outputType multiple_choice or generate_until
 * @param metrics the metrics the leaderboard reports for this benchmark
 * @param processResults how a generate_until document is scored (the harness task's
 *     {@code process_results}: {@code math_hard} or {@code ifeval}); multiple_choice tasks
 *     use the harness's built-in choice metrics and leave it empty
 * @param fields document fields the templates need, with their types
 * @param processDocs optional named document processor ({@link DocProcessors})
 * @param docToText template of the question
 * @param docToTarget template of the gold answer (a choice string, or a choice index)
 * @param fewshotTarget template of the target in few-shot examples, if not docToTarget
 * @param docToChoice where the choices come from, for multiple_choice tasks
 * @param targetDelimiter between text and target (harness default " ")
 * @param fewshotDelimiter after each few-shot example (harness default "\n\n")
 * @param numFewshot number of few-shot examples (first_n sampler)
 * @param fewshotSamples few-shot examples defined in the task itself, if any
 * @param generation generation arguments, for generate_until tasks
 * @param subtasks the subtasks (at least one)
 */
public record TaskDefinition(
    String benchmark,
    String group,
    String version,
    OutputType outputType,
    List<String> metrics,
    String processResults,
    Map<String, FieldType> fields,
    String processDocs,
    String docToText,
    String docToTarget,
    String fewshotTarget,
    ChoiceSpec docToChoice,
    String targetDelimiter,
    String fewshotDelimiter,
    int numFewshot,
    List<Map<String, Object>> fewshotSamples,
    GenerationArgs generation,
    List<Subtask> subtasks) implements Serializable {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  public TaskDefinition {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(version, "version of " + benchmark);
    Objects.requireNonNull(outputType, "output_type of " + benchmark);
    Objects.requireNonNull(docToText, "doc_to_text of " + benchmark);
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    fields = fields == null ? Map.of() : new LinkedHashMap<>(fields);
    targetDelimiter = targetDelimiter == null ? " " : targetDelimiter;
    fewshotDelimiter = fewshotDelimiter == null ? "\n\n" : fewshotDelimiter;
    fewshotSamples = fewshotSamples == null ? null : List.copyOf(fewshotSamples);
    if (subtasks == null || subtasks.isEmpty()) {
      throw new IllegalArgumentException(benchmark + ": at least one subtask is required");
    }
    subtasks = List.copyOf(subtasks);
    if (outputType == OutputType.MULTIPLE_CHOICE && docToChoice == null
        && subtasks.stream().anyMatch(s -> s.choices() == null)) {
      throw new IllegalArgumentException(benchmark + ": multiple_choice needs doc_to_choice or choices on every subtask");
    }
    if (outputType == OutputType.GENERATE_UNTIL && generation == null) {
      throw new IllegalArgumentException(benchmark + ": generate_until needs generation arguments");
    }
    if (outputType == OutputType.GENERATE_UNTIL && processResults == null) {
      throw new IllegalArgumentException(benchmark + ": generate_until needs process_results (math_hard or ifeval)");
    }
    // Parse every template now, so a typo fails when the definition is loaded.
    Template.parse(docToText);
    if (docToTarget != null) {
      Template.parse(docToTarget);
    }
    if (fewshotTarget != null) {
      Template.parse(fewshotTarget);
    }
  }

  /** Reads a definition from YAML; the message of a failure names the file. */
  public static TaskDefinition load(InputStream in, String fileName) throws IOException {
    try {
      return YAML.readValue(in, TaskDefinition.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("invalid task definition " + fileName + ": " + e.getMessage(), e);
    }
  }

  public Subtask subtask(String name) {
    for (Subtask s : subtasks) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** Whether few-shot examples come from a split of the dataset (rather than the definition). */
  public boolean needsFewshotSplit() {
    return numFewshot > 0 && fewshotSamples == null;
  }

  /** A subtask: one harness task, e.g. {@code leaderboard_bbh_navigate}. */
  public record Subtask(String name, String task, String description, List<String> choices) implements Serializable {
    public Subtask {
      Objects.requireNonNull(name, "subtask name");
      Objects.requireNonNull(task, "task of subtask " + name);
      description = description == null ? "" : description;
      choices = choices == null ? null : List.copyOf(choices);
    }
  }

  /**
   * Where a document's choices come from: a list field of the document ({@code field}), or
   * letters A, B, ... one per element of a list field ({@code letters}, as MMLU-Pro).
   */
  public record ChoiceSpec(String field, String letters) implements Serializable {
    public ChoiceSpec {
      if ((field == null) == (letters == null)) {
        throw new IllegalArgumentException("doc_to_choice needs exactly one of 'field' or 'letters'");
      }
    }
  }

  /** The harness's {@code generation_kwargs} that Podium honours (greedy decoding only). */
  public record GenerationArgs(List<String> until, int maxGenToks, Boolean doSample, Double temperature)
      implements Serializable {
    public GenerationArgs {
      until = until == null ? List.of() : List.copyOf(until);
      if (maxGenToks <= 0) {
        throw new IllegalArgumentException("max_gen_toks must be positive");
      }
      if (Boolean.TRUE.equals(doSample) || (temperature != null && temperature != 0.0)) {
        throw new IllegalArgumentException("only greedy generation (do_sample: false, temperature: 0) is supported");
      }
    }
  }
}
