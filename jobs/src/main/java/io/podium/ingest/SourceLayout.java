package io.podium.ingest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.podium.conf.PodiumConf;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which files of a source folder hold which benchmark, and how to read them: a file in
 * {@code conf/sources/}. Paths are relative to the source root and may contain glob
 * characters and {@code {subtask}}, replaced by each subtask's name (or its entry in
 * {@code files}).
 *
 * @param name the layout's name ({@code --layout NAME})
 * @param description one line on what folder this describes
 * @param benchmarks per benchmark, where its test split and few-shot split are
 */
public record SourceLayout(String name, String description, Map<String, BenchmarkSource> benchmarks) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public SourceLayout {
    benchmarks = benchmarks == null ? Map.of() : Map.copyOf(benchmarks);
  }

  
  /** The layouts shipped in {@code conf/sources}, by name. */
  public static Map<String, SourceLayout> shipped() throws IOException {
    Map<String, SourceLayout> out = new LinkedHashMap<>();
    for (SourceLayout layout : PodiumConf.loadAll("conf/sources", SourceLayout::load)) {
      out.put(layout.name(), layout);
    }
    return out;
  }
public static SourceLayout load(InputStream in, String fileName) throws IOException {
    try {
      return YAML.readValue(in, SourceLayout.class);
    } catch (IOException e) {
      throw new IOException("invalid source layout " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** The splits of one benchmark; {@code fewshot} is absent where the task defines its examples. */
  public record BenchmarkSource(SplitSource test, SplitSource fewshot) {}

  /**
   * Where one split is and how to read it.
   *
   * @param path file path or glob under the source root, may contain {@code {subtask}}
   * @param format jsonl, json, parquet, csv, bbh_cot_prompt, or auto (by file extension)
   * @param recordsAt for json: the key of the record array in the top-level object
   * @param files per subtask, the name that replaces {@code {subtask}} in the path
   * @param filter keep only records whose fields equal these values (e.g. level: Level 5)
   * @param subtaskField when one file holds several subtasks: the field that tells them apart
   * @param subtaskValues values of that field, mapped to subtask names
   * @param explode for nested files: expand a list field into one record per element
   * @param keyField the dataset's own id field, kept as {@code source_key}
   */
  public record SplitSource(
      String path,
      String format,
      String recordsAt,
      Map<String, String> files,
      Map<String, Object> filter,
      String subtaskField,
      Map<String, String> subtaskValues,
      Explode explode,
      String keyField) {
    public SplitSource {
      if (path == null) {
        throw new IllegalArgumentException("every split needs a path");
      }
      format = format == null ? "auto" : format;
      files = files == null ? Map.of() : Map.copyOf(files);
      filter = filter == null ? Map.of() : Map.copyOf(filter);
      subtaskValues = subtaskValues == null ? Map.of() : Map.copyOf(subtaskValues);
    }

    public boolean perSubtaskFiles() {
      return path.contains("{subtask}");
    }

    public String pathFor(String subtask) {
      return path.replace("{subtask}", files.getOrDefault(subtask, subtask));
    }
  }

  /**
   * Expands a list field into records: each element's fields, plus {@code parent} fields of
   * the enclosing record (renamed: parent field → new name), then {@code rename} applied.
   */
  public record Explode(String list, Map<String, String> parent, Map<String, String> rename) {
    public Explode {
      parent = parent == null ? Map.of() : Map.copyOf(parent);
      rename = rename == null ? Map.of() : Map.copyOf(rename);
    }
  }

  /** Benchmarks in this layout, in a stable order. */
  public List<String> benchmarkNames() {
    return benchmarks.keySet().stream().sorted().toList();
  }
}
