package io.podium.ingest;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-runs, changed input and broken input, against real files and a real Delta warehouse. */
class IngestBehaviourTest {

  @TempDir
  Path tmp;

  private String table(Path warehouse, String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private Cli ingest(Path source, Path warehouse, String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"ingest", "--source", source.toString(), "--warehouse", warehouse.toString()}, 0,
        args, 0, 5);
    args[5] = "--shards=16";
    System.arraycopy(more, 0, args, 6, more.length);
    Cli run = Cli.run(args);
    assertEquals(0, run.code, run.toString());
    return run;
  }

  @Test
  void secondIngestOfTheSameInputChangesNothing() throws Exception {
    Path source = tmp.resolve("src");
    PodiumConf.copySamples(source);
    Path wh = tmp.resolve("wh");
    ingest(source, wh);
    List<String> docs = content("SELECT * FROM " + table(wh, "benchmark_docs"));
    List<String> requests = content("SELECT * FROM " + table(wh, "requests"));

    ingest(source, wh);
    assertEquals(docs, content("SELECT * FROM " + table(wh, "benchmark_docs")));
    assertEquals(requests, content("SELECT * FROM " + table(wh, "requests")));
    assertEquals(count("SELECT count(*) FROM " + table(wh, "requests")),
        count("SELECT count(DISTINCT request_id) FROM " + table(wh, "requests")));
    // The second MERGE touched no row.
    Row merge = TestSpark.get().sql("DESCRIBE HISTORY " + table(wh, "requests") + " LIMIT 1").first();
    assertEquals("MERGE", merge.getAs("operation"));
    scala.collection.Map<String, String> metrics = merge.getAs("operationMetrics");
    assertEquals("0", metrics.apply("numTargetRowsInserted"));
    assertEquals("0", metrics.apply("numTargetRowsUpdated"));
    assertEquals("0", metrics.apply("numTargetRowsDeleted"));
  }

  @Test
  void aChangedDocumentReplacesItsRequestsAndARemovedOneLeaves() throws Exception {
    Path source = tmp.resolve("src");
    PodiumConf.copySamples(source);
    Path wh = tmp.resolve("wh");
    ingest(source, wh, "--benchmarks", "mmlu_pro");
    String before = TestSpark.get().sql("SELECT request_id, context FROM " + table(wh, "requests")
        + " WHERE doc_id = 1 AND request_index = 0").first().mkString("|");

    // Doc 1 gets another question and loses two options; doc 3 disappears.
    Path test = source.resolve("MMLU-Pro/data/test-00000-of-00001.jsonl");
    List<String> lines = Files.readAllLines(test, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1)
        .replace("Which data structure gives O(1) average-time lookup by key?", "Which structure hashes keys?")
        .replace(", \"queue\", \"sorted array\"", ""));
    Files.write(test, lines.subList(0, 3), StandardCharsets.UTF_8);
    ingest(source, wh, "--benchmarks", "mmlu_pro");

    List<Row> after = TestSpark.get().sql("SELECT request_id, context FROM " + table(wh, "requests")
        + " WHERE doc_id = 1 ORDER BY request_index").collectAsList();
    assertEquals(4, after.size(), "the doc now has 4 choices, so 4 requests");
    assertEquals(before.split("\\|")[0], after.get(0).getString(0), "request ids are stable");
    assertNotEquals(before.split("\\|", 2)[1], after.get(0).getString(1));
    assertTrue(after.get(0).getString(1).endsWith("Which structure hashes keys?\nA. linked list\nB. binary heap\n"
        + "C. hash table\nD. stack\nAnswer:"), after.get(0).getString(1));
    assertEquals(0, count("SELECT count(*) FROM " + table(wh, "requests") + " WHERE doc_id = 3"));
    assertEquals(0, count("SELECT count(*) FROM " + table(wh, "benchmark_docs") + " WHERE doc_id = 3"));
    assertEquals(5 + 4 + 4, count("SELECT count(*) FROM " + table(wh, "requests")));
  }

  @Test
  void parquetSourcesGiveTheSameRequestsAsJsonLines() throws Exception {
    Path jsonSource = tmp.resolve("json");
    PodiumConf.copySamples(jsonSource);
    Path parquetSource = tmp.resolve("parquet");
    for (String split : List.of("test", "validation")) {
      Path out = tmp.resolve("spark-out-" + split);
      TestSpark.get().read().json(jsonSource.resolve("MMLU-Pro/data/" + split + "-00000-of-00001.jsonl").toString())
          .coalesce(1).write().parquet(out.toString());
      Path part;
      try (var files = Files.list(out)) {
        part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
      }
      Path target = parquetSource.resolve("MMLU-Pro/data/" + split + "-00000-of-00001.parquet");
      Files.createDirectories(target.getParent());
      Files.move(part, target);
    }
    Path jsonWh = tmp.resolve("wh-json");
    Path parquetWh = tmp.resolve("wh-parquet");
    ingest(jsonSource, jsonWh, "--benchmarks", "mmlu_pro");
    ingest(parquetSource, parquetWh, "--layout", "hf", "--benchmarks", "mmlu_pro");
    String columns = "request_id, context, continuation, shard, request_hash";
    assertEquals(25, count("SELECT count(*) FROM " + table(parquetWh, "requests")));
    assertEquals(content("SELECT " + columns + " FROM " + table(jsonWh, "requests")),
        content("SELECT " + columns + " FROM " + table(parquetWh, "requests")));
  }

  @Test
  void brokenRecordsAreRejectedWithFileLineAndReasonAndCountsAddUp() throws Exception {
    Path source = tmp.resolve("src");
    Path math = source.resolve("MATH-Hard/test");
    Files.createDirectories(math);
    Files.writeString(math.resolve("algebra.jsonl"), String.join("\n",
        "{\"problem\": \"What is $1+1$?\", \"level\": \"Level 5\", \"type\": \"Algebra\", \"solution\": \"It is $\\\\boxed{2}$.\"}",
        "{\"problem\": \"broken line\", \"level\": ",
        "{\"problem\": \"No solution field\", \"level\": \"Level 5\", \"type\": \"Algebra\"}",
        "{\"problem\": 42, \"level\": \"Level 5\", \"type\": \"Algebra\", \"solution\": \"$\\\\boxed{1}$\"}",
        "{\"problem\": \"Easy one\", \"level\": \"Level 2\", \"type\": \"Algebra\", \"solution\": \"$\\\\boxed{3}$\"}",
        "",
        "{\"problem\": \"No box\", \"level\": \"Level 5\", \"type\": \"Algebra\", \"solution\": \"the answer is 4\"}",
        "[1, 2, 3]") + "\n");
    Path wh = tmp.resolve("wh");
    Cli run = ingest(source, wh, "--layout", "hf", "--benchmarks", "math_hard");

    // 7 records (the blank line is not one): 1 accepted, 5 rejected, 1 filtered (Level 2).
    assertTrue(run.out.matches("(?s).*math_hard\\s+7\\s+1\\s+5\\s+1\\s+1\\s.*"), run.out);
    List<String> rejects = content("SELECT concat(line, ': ', reason) FROM " + table(wh, "ingest_rejects"));
    assertEquals(5, rejects.size(), rejects.toString());
    assertTrue(rejects.get(0).startsWith("2: malformed JSON"), rejects.toString());
    assertEquals("3: missing field 'solution' (string)", rejects.get(1));
    assertEquals("4: field 'problem' should be string but is a number: 42", rejects.get(2));
    assertEquals("7: solution has no \\boxed{...} answer", rejects.get(3));
    assertEquals("8: not a JSON object", rejects.get(4));
    assertEquals(List.of("file:" + math.resolve("algebra.jsonl")),
        content("SELECT DISTINCT source_file FROM " + table(wh, "ingest_rejects")));
    assertEquals(1, count("SELECT count(*) FROM " + table(wh, "benchmark_docs")));

    // --strict stops before writing anything.
    Path strictWh = tmp.resolve("strict");
    Cli strict = Cli.run("ingest", "--source", source.toString(), "--warehouse", strictWh.toString(),
        "--layout", "hf", "--benchmarks", "math_hard", "--strict");
    assertEquals(1, strict.code, strict.toString());
    assertTrue(strict.err.contains("5 record(s) rejected and --strict is set; nothing was written. First: file:"
        + math.resolve("algebra.jsonl") + ":2: malformed JSON"), strict.err);
    assertEquals(0, count("SELECT count(*) FROM " + table(strictWh, "benchmark_docs")));
  }

  @Test
  void unknownSubtasksAreRejectedAndAMissingFewshotSplitIsNamed() throws Exception {
    Path source = tmp.resolve("src");
    Files.createDirectories(source.resolve("math"));
    Files.writeString(source.resolve("math/test.jsonl"),
        "{\"problem\": \"p\", \"level\": \"Level 5\", \"type\": \"Topology\", \"solution\": \"$\\\\boxed{1}$\", \"idx\": 7}\n"
            + "{\"problem\": \"q\", \"level\": \"Level 5\", \"type\": \"Geometry\", \"solution\": \"$\\\\boxed{2}$\", \"idx\": 8}\n");
    Files.createDirectories(source.resolve("mmlu_pro"));
    Files.writeString(source.resolve("mmlu_pro/test.jsonl"), "{\"question_id\": 1, \"question\": \"q\", \"options\":"
        + " [\"a\", \"b\"], \"answer\": \"B\", \"answer_index\": 1, \"category\": \"c\", \"src\": \"s\"}\n");
    Path wh = tmp.resolve("wh");
    Cli run = ingest(source, wh, "--layout", "shared-data", "--benchmarks", "math_hard,mmlu_pro");
    assertEquals(List.of("1: unknown subtask: type = Topology (known: Algebra, Counting & Probability, Geometry,"
            + " Intermediate Algebra, Number Theory, Prealgebra, Precalculus)"),
        content("SELECT concat(line, ': ', reason) FROM " + table(wh, "ingest_rejects")).stream()
            .map(s -> s.replaceAll("known: .*\\)", "known: " + knownSorted(s) + ")")).toList());
    assertTrue(run.out.contains("few-shot split missing") && run.out.contains("--fewshot-source mmlu_pro=PATH"),
        run.out);
    assertEquals(List.of("geometry,8", "mmlu_pro,1"),
        content("SELECT subtask, source_key FROM " + table(wh, "benchmark_docs")));
    assertEquals(List.of("math_hard"), content("SELECT DISTINCT benchmark FROM " + table(wh, "requests")));

    // Naming the few-shot split renders the MMLU-Pro requests.
    Path validation = tmp.resolve("validation.jsonl");
    PodiumConf.copySamples(tmp.resolve("samples"));
    Files.copy(tmp.resolve("samples/MMLU-Pro/data/validation-00000-of-00001.jsonl"), validation);
    ingest(source, wh, "--layout", "shared-data", "--benchmarks", "mmlu_pro",
        "--fewshot-source", "mmlu_pro=" + validation);
    assertEquals(2, count("SELECT count(*) FROM " + table(wh, "requests") + " WHERE benchmark = 'mmlu_pro'"));
  }

  private static String knownSorted(String reason) {
    String known = reason.replaceAll(".*known: (.*)\\)", "$1");
    return String.join(", ", java.util.Arrays.stream(known.split(", ")).sorted().toList());
  }
}
