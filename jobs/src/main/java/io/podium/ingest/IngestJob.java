package io.podium.ingest;

import io.podium.ingest.SourceLayout.BenchmarkSource;
import io.podium.ingest.SourceLayout.SplitSource;
import io.podium.requests.ChatTemplates;
import io.podium.requests.RequestWriter;
import io.podium.spark.DeltaMerge;
import io.podium.spark.SparkValues;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Json;
import io.podium.tables.Keys;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.chat.ChatTemplate;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The ingest job: reads benchmark files through a {@link SourceLayout}, checks and renders
 * them per the task definitions, and writes {@code benchmark_docs}, {@code requests} and
 * {@code ingest_rejects}. Idempotent: documents and requests are merged on their keys and
 * only rewritten when their content changed; what is no longer in the source, for the
 * subtasks read, is deleted.
 */
public final class IngestJob {

  /** What to ingest. */
  public record Options(
      String source,
      SourceLayout layout,
      List<String> benchmarks,
      int shards,
      Map<String, String> fewshotSources,
      boolean strict) {}

  /** The outcome: per-benchmark counts and every reject. */
  public record Result(List<BenchmarkCounts> counts, List<Reject> rejects) {}

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Map<String, TaskDefinition> definitions;

  public IngestJob(SparkSession spark, Warehouse warehouse, Map<String, TaskDefinition> definitions) {
    this.spark = spark;
    this.warehouse = warehouse;
    this.definitions = definitions;
  }

  public Result run(Options options) throws IOException {
    SourceReader reader = new SourceReader(spark, options.source());
    List<String> benchmarks = selectBenchmarks(options);

    List<BenchmarkCounts> counts = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    List<IngestedDoc> docs = new ArrayList<>();
    Map<String, PromptRenderer> renderers = new LinkedHashMap<>();
    Set<String> docScope = new LinkedHashSet<>();
    Set<String> readBenchmarks = new LinkedHashSet<>();

    for (String benchmark : benchmarks) {
      TaskDefinition def = definitions.get(benchmark);
      BenchmarkSource source = options.layout().benchmarks().get(benchmark);
      BenchmarkCounts c = new BenchmarkCounts(benchmark);
      DocumentBuilder builder = new DocumentBuilder(def, c);

      Map<String, List<SourceRecord>> bySubtask = new LinkedHashMap<>();
      List<String> missing = readTestSplit(reader, def, source.test(), builder, bySubtask);
      if (missing.size() == def.subtasks().size()) {
        if (options.benchmarks() != null && !options.benchmarks().isEmpty()) {
          throw new IOException(benchmark + ": no files in " + reader.root() + " at "
              + source.test().path() + " (layout " + options.layout().name() + "); nothing was written");
        }
        c.note = "not in this source";
        counts.add(c);
        continue;
      }
      readBenchmarks.add(benchmark);

      List<TaskDefinition.Subtask> present =
          def.subtasks().stream().filter(s -> !missing.contains(s.name())).toList();
      Map<String, List<Map<String, Object>>> fewshot = readFewshot(
          reader, def, present, source.fewshot(), options.fewshotSources().get(benchmark), builder, c);

      for (TaskDefinition.Subtask sub : present) {
        docScope.add(RequestWriter.key(benchmark, sub.name()));
        PromptRenderer renderer = new PromptRenderer(def, sub, fewshot == null ? null : fewshot.get(sub.name()));
        List<IngestedDoc> built = builder.build(sub.name(), bySubtask.getOrDefault(sub.name(), List.of()), renderer,
            source.test());
        docs.addAll(built);
        if (renderer.canRender()) {
          renderers.put(RequestWriter.key(benchmark, sub.name()), renderer);
          c.requests += built.stream().mapToLong(d -> d.choices() == null ? 1 : d.choices().size()).sum();
        }
      }
      if (!missing.isEmpty()) {
        c.note = appendNote(c.note, "no files for " + missing.size() + " of " + def.subtasks().size() + " subtasks"
            + (missing.size() <= 4 ? " (" + String.join(", ", missing) + ")" : ""));
      }
      rejects.addAll(builder.rejects());
      counts.add(c);
    }

    if (options.strict() && !rejects.isEmpty()) {
      throw new IOException(rejects.size() + " record(s) rejected and --strict is set; nothing was written. First: "
          + describe(rejects.get(0)));
    }
    if (readBenchmarks.isEmpty()) {
      throw new IOException("no benchmark files in " + reader.root() + " where layout " + options.layout().name()
          + " looks for them (" + benchmarks.stream().map(b -> options.layout().benchmarks().get(b).test().path())
          .collect(Collectors.joining(", ")) + "); nothing was written. Fix: check --source, or pass --layout FILE"
          + " with your paths");
    }
    write(docs, renderers, docScope, readBenchmarks, rejects, options.shards());
    return new Result(counts, rejects);
  }

  private List<String> selectBenchmarks(Options options) throws IOException {
    List<String> wanted = options.benchmarks() == null || options.benchmarks().isEmpty()
        ? options.layout().benchmarkNames()
        : options.benchmarks();
    for (String b : wanted) {
      if (!definitions.containsKey(b)) {
        throw new IOException("unknown benchmark '" + b + "' (known: " + String.join(", ", definitions.keySet()) + ")");
      }
      if (!options.layout().benchmarks().containsKey(b)) {
        throw new IOException("layout " + options.layout().name() + " has no entry for " + b
            + "; pass --layout with a layout that does");
      }
    }
    return wanted;
  }

  /** Reads the test split; returns the subtasks that have no file. */
  private static List<String> readTestSplit(SourceReader reader, TaskDefinition def, SplitSource split,
      DocumentBuilder builder, Map<String, List<SourceRecord>> bySubtask) throws IOException {
    List<String> missing = new ArrayList<>();
    if (split.perSubtaskFiles()) {
      Set<String> known = new LinkedHashSet<>();
      for (TaskDefinition.Subtask sub : def.subtasks()) {
        List<String> files = reader.resolve(split.pathFor(sub.name()));
        if (files.isEmpty()) {
          missing.add(sub.name());
        }
        for (String file : files) {
          known.add(file);
          builder.group(read(reader, split, file, builder), split, sub.name(), true, bySubtask);
        }
      }
      // Files at the layout's path for a subtask the benchmark does not have (BIG-Bench-Hard's
      // three tasks the leaderboard leaves out, a misspelt folder) are not read, and said so.
      Pattern subtaskOf = subtaskPattern(split.path());
      List<String> unknown = new ArrayList<>();
      for (String file : reader.resolve(split.path().replace("{subtask}", "*"))) {
        if (!known.contains(file)) {
          Matcher m = subtaskOf.matcher(file);
          unknown.add(m.matches() ? m.group(1) : file);
        }
      }
      if (!unknown.isEmpty()) {
        builder.note("not read: " + unknown.size() + " file(s) at " + split.path() + " for no " + def.benchmark()
            + " subtask (" + String.join(", ", unknown) + "); " + def.benchmark() + " has "
            + def.subtasks().stream().map(TaskDefinition.Subtask::name).collect(Collectors.joining(", ")));
      }
      return missing;
    }
    List<String> files = reader.resolve(split.path());
    if (files.isEmpty()) {
      return def.subtasks().stream().map(TaskDefinition.Subtask::name).toList();
    }
    for (String file : files) {
      builder.group(read(reader, split, file, builder), split, null, true, bySubtask);
    }
    return missing;
  }

  /** A file's records; an empty one is noted in the summary (it holds no record to count or reject). */
  private static List<SourceRecord> read(SourceReader reader, SplitSource split, String file, DocumentBuilder builder)
      throws IOException {
    List<SourceRecord> records = reader.read(file, split.format(), split.recordsAt());
    if (records.isEmpty()) {
      builder.note(file + " holds no record (an empty file)");
    }
    return records;
  }

  /** The files a split's path names, with the {@code {subtask}} part as group 1. */
  private static Pattern subtaskPattern(String path) {
    StringBuilder regex = new StringBuilder(".*").append(Pattern.quote("/"));
    for (String part : path.split("((?=\\{subtask\\})|(?<=\\{subtask\\}))")) {
      if (part.equals("{subtask}")) {
        regex.append("([^/]+)");
      } else {
        for (String literal : part.split("((?=\\*)|(?<=\\*))")) {
          regex.append(literal.equals("*") ? "[^/]*" : Pattern.quote(literal));
        }
      }
    }
    return Pattern.compile(regex.toString());
  }

  /**
   * The few-shot documents per subtask, or null when the task needs a few-shot split and the
   * source has none (its documents are still ingested; its requests cannot be rendered).
   */
  private Map<String, List<Map<String, Object>>> readFewshot(SourceReader reader, TaskDefinition def,
      List<TaskDefinition.Subtask> subtasks, SplitSource layoutSplit, String override, DocumentBuilder builder,
      BenchmarkCounts c) throws IOException {
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    if (def.numFewshot() == 0 || def.fewshotSamples() != null) {
      for (TaskDefinition.Subtask sub : subtasks) {
        out.put(sub.name(), def.fewshotSamples() == null ? List.of() : def.fewshotSamples());
      }
      return out;
    }
    SplitSource split = layoutSplit;
    if (override != null) {
      split = new SplitSource(absolute(override), "auto", null, Map.of(), Map.of(), null, Map.of(), null, null);
    }
    String hint = "pass --fewshot-source " + def.benchmark() + "=PATH (a file of the "
        + def.benchmark() + " few-shot split)";
    if (split == null) {
      c.note = appendNote(c.note, "layout names no few-shot split; requests not rendered; " + hint);
      return null;
    }
    Map<String, List<SourceRecord>> bySubtask = new LinkedHashMap<>();
    List<String> missing;
    if (override != null && !split.perSubtaskFiles()) {
      List<String> files = reader.resolve(split.path());
      missing = files.isEmpty() ? List.of("all") : List.of();
      for (String file : files) {
        List<SourceRecord> records = reader.read(file, split.format(), split.recordsAt());
        for (TaskDefinition.Subtask sub : subtasks) {
          bySubtask.computeIfAbsent(sub.name(), k -> new ArrayList<>()).addAll(records);
        }
      }
    } else {
      missing = new ArrayList<>();
      for (TaskDefinition.Subtask sub : subtasks) {
        List<String> files = reader.resolve(split.pathFor(sub.name()));
        if (files.isEmpty()) {
          missing.add(sub.name());
        }
        for (String file : files) {
          bySubtask.computeIfAbsent(sub.name(), k -> new ArrayList<>())
              .addAll(reader.read(file, split.format(), split.recordsAt()));
        }
      }
    }
    if (!missing.isEmpty()) {
      c.note = appendNote(c.note, "few-shot split missing (" + (override != null ? override : reader.root() + "/"
          + split.path()) + "); requests not rendered; " + hint);
      return null;
    }
    for (TaskDefinition.Subtask sub : subtasks) {
      List<Map<String, Object>> docs = builder.fewshotDocs(sub.name(), bySubtask.get(sub.name()));
      if (docs.size() < def.numFewshot()) {
        c.note = appendNote(c.note, sub.name() + ": few-shot split has " + docs.size() + " valid examples, "
            + def.numFewshot() + " needed; requests not rendered");
        return null;
      }
      out.put(sub.name(), docs);
    }
    return out;
  }

  private static String absolute(String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return path;
    }
    return java.nio.file.Path.of(path).toAbsolutePath().normalize().toUri().toString();
  }

  // ------------------------------------------------------------------ writing

  private void write(List<IngestedDoc> docs, Map<String, PromptRenderer> renderers, Set<String> docScope,
      Set<String> readBenchmarks, List<Reject> rejects, int shards) {
    if (!docScope.isEmpty()) {
      // Parallelized in slices, so that no single task carries every document.
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int slices = Math.max(jsc.defaultParallelism(), docs.size() / 500 + 1);
      Dataset<Row> docRows = spark.createDataFrame(jsc.parallelize(docRows(docs, shards), slices),
          Tables.BENCHMARK_DOCS.schema());
      merge(Tables.BENCHMARK_DOCS, docRows,
          "t.content_hash <> s.content_hash OR t.shard <> s.shard OR t.source_file <> s.source_file"
              + " OR t.source_line <> s.source_line",
          docScope);

      writeFewshot(renderers);
      // Plain prompts, then the same documents through every chat template requests were
      // ever rendered through, so that templated requests follow the documents too.
      RequestWriter requests = new RequestWriter(spark, definitions);
      requests.write(docRows, renderers, null);
      for (ChatTemplate template : new ChatTemplates(spark).all()) {
        requests.write(docRows, renderers, template);
      }
    }
    if (!readBenchmarks.isEmpty()) {
      writeRejects(rejects, readBenchmarks);
    }
  }

  /** The few-shot examples read from dataset splits, so that later jobs can render prompts again. */
  private void writeFewshot(Map<String, PromptRenderer> renderers) {
    List<Row> rows = new ArrayList<>();
    Set<String> scope = new java.util.LinkedHashSet<>();
    renderers.forEach((key, renderer) -> {
      TaskDefinition def = definitions.get(key.substring(0, key.indexOf('/')));
      if (def.needsFewshotSplit()) {
        scope.add(key);
        List<Map<String, Object>> shots = renderer.fewshotDocs();
        for (int i = 0; i < shots.size(); i++) {
          rows.add(RowFactory.create(def.benchmark(), renderer.subtask().name(), i, Json.write(shots.get(i))));
        }
      }
    });
    if (!scope.isEmpty()) {
      merge(Tables.FEWSHOT_DOCS, spark.createDataFrame(rows, Tables.FEWSHOT_DOCS.schema()), "t.doc <> s.doc", scope);
    }
  }

  private static List<Row> docRows(List<IngestedDoc> docs, int shards) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    List<Row> rows = new ArrayList<>(docs.size());
    for (IngestedDoc d : docs) {
      String doc = Json.write(d.doc());
      String original = Json.write(d.original());
      rows.add(RowFactory.create(
          d.benchmark(), d.subtask(), d.task(), d.docId(), d.sourceKey(), doc, original, d.target(), d.goldIndex(),
          SparkValues.seq(d.choices()), Keys.sha256(doc, original),
          Keys.shard(d.benchmark(), d.subtask(), d.docId(), shards), d.sourceFile(), d.sourceLine(), now));
    }
    return rows;
  }

  /** Writes a table's rows of this run; rows of the (benchmark/subtask) scope the source lacks are deleted. */
  private void merge(Table table, Dataset<Row> source, String changed, Set<String> scope) {
    DeltaMerge.upsert(spark, table, source, changed,
        "concat(t.benchmark, '/', t.subtask) IN (" + SqlLiterals.list(scope) + ")");
  }

  /** Replaces the rejects of the benchmarks read in this run, in one commit. */
  private void writeRejects(List<Reject> rejects, Set<String> benchmarks) {
    List<Row> rows = new ArrayList<>(rejects.size());
    for (Reject r : rejects) {
      rows.add(RowFactory.create(r.benchmark(), r.subtask(), r.sourceFile(), r.line(), r.reason(), r.record()));
    }
    String in = SqlLiterals.list(benchmarks);
    spark.createDataFrame(rows, Tables.INGEST_REJECTS.schema())
        .write().format("delta").mode("overwrite")
        .option("replaceWhere", "benchmark IN (" + in + ")")
        .save(warehouse.location(Tables.INGEST_REJECTS));
  }

  static String describe(Reject r) {
    return r.sourceFile() + ":" + r.line() + ": " + r.reason();
  }

  private static String appendNote(String note, String more) {
    return note.isEmpty() ? more : note + "; " + more;
  }
}
