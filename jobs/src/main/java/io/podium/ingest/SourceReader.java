package io.podium.ingest;

import io.podium.tables.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Reads benchmark files in their published formats, from any file system Hadoop knows (local,
 * s3a://), into {@link SourceRecord}s with file and line. Benchmark files are megabytes, so
 * they are read on the driver, where every record can be numbered and checked before anything
 * is written.
 */
public final class SourceReader {

  private static final int MAX_TEXT = 1000;

  private final SparkSession spark;
  private final String root;

  public SourceReader(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String root() {
    return root;
  }

  /**
   * The files matching a path or glob, sorted by name; empty if none. A relative path is
   * taken under the root; a URI (file:/..., s3a://...) as it is.
   */
  public List<String> resolve(String path) throws IOException {
    boolean absolute = path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    Path pattern = new Path(absolute ? path : root + "/" + path);
    FileSystem fs = pattern.getFileSystem(spark.sparkContext().hadoopConfiguration());
    FileStatus[] matches = fs.globStatus(pattern);
    if (matches == null) {
      return List.of();
    }
    return Arrays.stream(matches)
        .filter(FileStatus::isFile)
        .map(s -> s.getPath().toString())
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** All records of a file, malformed ones included (with their error). */
  public List<SourceRecord> read(String file, String format, String recordsAt) throws IOException {
    String f = format.equals("auto") ? formatOf(file) : format;
    return switch (f) {
      case "jsonl" -> readJsonLines(file);
      case "json" -> readJson(file, recordsAt);
      case "parquet" -> readWithSpark(file, "parquet");
      case "csv" -> readWithSpark(file, "csv");
      case "bbh_cot_prompt" -> readBbhCotPrompt(file);
      default -> throw new IOException("unknown format '" + format + "' for " + file
          + " (jsonl, json, parquet, csv, bbh_cot_prompt, auto)");
    };
  }

  static String formatOf(String file) throws IOException {
    String name = file.toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return "jsonl";
    }
    if (name.endsWith(".json")) {
      return "json";
    }
    if (name.endsWith(".parquet")) {
      return "parquet";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    throw new IOException("cannot tell the format of " + file + " from its name; set format: in the layout");
  }

  private String readText(String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (var in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<SourceRecord> readJsonLines(String file) throws IOException {
    Path path = new Path(file);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    List<SourceRecord> records = new ArrayList<>();
    try (var in = fs.open(path)) {
      JsonLines.read(in, line -> {
        if (line.error() != null) {
          records.add(SourceRecord.malformed(file, line.number(), "", line.error()));
        } else if (!line.text().isBlank()) { // a blank line is no record
          records.add(parseObject(file, line.number(), line.text()));
        }
      });
    }
    return records;
  }

  private static SourceRecord parseObject(String file, long number, String text) {
    try {
      Object value = Json.parse(text);
      if (!(value instanceof Map<?, ?>)) {
        return SourceRecord.malformed(file, number, cut(text), "not a JSON object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) value;
      return SourceRecord.parsed(file, number, fields, cut(text));
    } catch (JsonProcessingException e) {
      return SourceRecord.malformed(file, number, cut(text), "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private List<SourceRecord> readJson(String file, String recordsAt) throws IOException {
    Object value;
    try {
      value = Json.parse(readText(file));
    } catch (JsonProcessingException e) {
      throw new IOException("malformed JSON file " + file + " at line " + e.getLocation().getLineNr()
          + ": " + e.getOriginalMessage(), e);
    }
    if (recordsAt != null) {
      if (!(value instanceof Map<?, ?> map) || !(map.get(recordsAt) instanceof List<?>)) {
        throw new IOException(file + " has no list '" + recordsAt + "' at the top level");
      }
      value = map.get(recordsAt);
    }
    if (!(value instanceof List<?> list)) {
      throw new IOException(file + " is not a JSON array of records"
          + (recordsAt == null ? " (set records_at: in the layout if the records are under a key)" : ""));
    }
    List<SourceRecord> records = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      Object item = list.get(i);
      String text = cut(Json.write(item));
      if (item instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) item;
        records.add(SourceRecord.parsed(file, i + 1, fields, text));
      } else {
        records.add(SourceRecord.malformed(file, i + 1, text, "record is not a JSON object"));
      }
    }
    return records;
  }

  private List<SourceRecord> readWithSpark(String file, String format) throws IOException {
    var reader = spark.read().format(format);
    if (format.equals("csv")) {
      reader = reader.option("header", "true").option("multiLine", "true").option("escape", "\"");
    }
    List<String> rows = reader.load(file).toJSON().collectAsList();
    List<SourceRecord> records = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      records.add(parseObject(file, i + 1, rows.get(i)));
    }
    return records;
  }

  private static final Pattern COT_EXAMPLE =
      Pattern.compile("(?s)Q: (.*?)\\nA: Let's think step by step\\.\\s.*?So the answer is (.*?)\\.\\s*(?=\\nQ: |\\z)");

  /**
   * BIG-Bench-Hard's {@code cot-prompts/<task>.txt}: the few-shot examples of the harness's
   * BBH tasks are the questions of these prompts with their final answers.
   */
  private List<SourceRecord> readBbhCotPrompt(String file) throws IOException {
    String text = readText(file);
    int separator = text.indexOf("\n-----\n");
    String body = separator < 0 ? text : text.substring(separator + "\n-----\n".length());
    List<SourceRecord> records = new ArrayList<>();
    Matcher m = COT_EXAMPLE.matcher(body);
    while (m.find()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("input", m.group(1));
      fields.put("target", m.group(2));
      long line = text.substring(0, (separator < 0 ? 0 : separator + 7) + m.start()).chars().filter(c -> c == '\n').count() + 1;
      records.add(SourceRecord.parsed(file, line, fields, cut(m.group())));
    }
    if (records.isEmpty()) {
      throw new IOException(file + " holds no 'Q: ... A: Let's think step by step. ... So the answer is X.' examples");
    }
    return records;
  }

  static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }
}
