package io.podium.ingest;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest of the bundled samples (Hugging Face layout) into a real Delta warehouse. */
class IngestSamplesTest {

  @TempDir
  static Path tmp;
  static Path samples;
  static String warehouse;

  @BeforeAll
  static void ingestSamples() throws Exception {
    samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("warehouse").toString();
    Cli run = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--shards", "8");
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("layout: hf"), run.out);
  }

  static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private static Map<String, Long> perBenchmark(String tableName) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : TestSpark.get().sql("SELECT benchmark, count(*) FROM " + table(tableName) + " GROUP BY benchmark")
        .collectAsList()) {
      out.put(r.getString(0), r.getLong(1));
    }
    return out;
  }

  @Test
  void everyBenchmarkHasItsDocumentsAndRequests() {
    assertEquals(Map.of("bbh", 10L, "gpqa", 8L, "ifeval", 3L, "math_hard", 4L, "mmlu_pro", 4L, "musr", 5L),
        perBenchmark("benchmark_docs"));
    // one request per choice: BBH 4x2 + 3x2 + 3x19; GPQA 8x4; MMLU-Pro 5+6+4+10 options; MuSR 5x2
    assertEquals(Map.of("bbh", 71L, "gpqa", 32L, "ifeval", 3L, "math_hard", 4L, "mmlu_pro", 25L, "musr", 10L),
        perBenchmark("requests"));
    assertEquals(0, count("SELECT count(*) FROM " + table("ingest_rejects")));
  }

  @Test
  void mmluProPromptIsRenderedAsTheHarnessDoes() {
    List<Row> rows = TestSpark.get().sql("SELECT context, continuation, request_index FROM " + table("requests")
        + " WHERE benchmark = 'mmlu_pro' AND doc_id = 0 ORDER BY request_index").collectAsList();
    String expected = """
        What is 7 times 8?
        A. 54
        B. 56
        C. 58
        D. 64
        Answer: B

        Which planet is closest to the Sun?
        A. Venus
        B. Earth
        C. Mercury
        D. Mars
        Answer: C

        What is the chemical symbol for sodium?
        A. S
        B. Na
        C. So
        D. Sd
        Answer: B

        Which organ pumps blood through the body?
        A. Lung
        B. Liver
        C. Kidney
        D. Heart
        Answer: D

        What is the boiling point of water at sea level in Celsius?
        A. 90
        B. 100
        C. 110
        D. 120
        Answer: B

        A firm doubles all inputs and output triples. This shows
        A. constant returns to scale
        B. decreasing returns to scale
        C. increasing returns to scale
        D. diminishing marginal utility
        E. perfect competition
        Answer:""";
    assertEquals(5, rows.size());
    for (int i = 0; i < 5; i++) {
      assertEquals(expected, rows.get(i).getString(0));
      assertEquals(" " + (char) ('A' + i), rows.get(i).getString(1));
    }
    assertEquals(List.of("[2]"), content("SELECT concat('[', gold_index, ']') FROM " + table("benchmark_docs")
        + " WHERE benchmark = 'mmlu_pro' AND doc_id = 0"));
  }

  @Test
  void musrPromptHasNumberedChoicesAndFullTextContinuations() {
    List<Row> rows = TestSpark.get().sql("SELECT context, continuation FROM " + table("requests")
        + " WHERE subtask = 'murder_mysteries' AND doc_id = 0 ORDER BY request_index").collectAsList();
    String narrative = "The night watchman was found in the museum's map room. Detective Ora learned that Felix, the"
        + " curator, had argued with him about missing keys and owned a letter opener like the one found. Greta, a"
        + " visitor, had left an hour before the gates closed and was seen on the tram.";
    assertEquals(narrative + "\n\nWho is the most likely murderer?\n\n1 - Felix\n2 - Greta\n\nAnswer:",
        rows.get(0).getString(0));
    assertEquals(List.of(" Felix", " Greta"), rows.stream().map(r -> r.getString(1)).toList());
  }

  @Test
  void bbhFewShotComesFromTheCotPromptsWithDescriptionFirst() {
    Row row = TestSpark.get().sql("SELECT context FROM " + table("requests")
        + " WHERE subtask = 'object_counting' AND doc_id = 1 AND request_index = 0").first();
    assertEquals("Questions that involve enumerating objects and asking the model to count them."
        + "Q: I have a piano and a trumpet. How many musical instruments do I have?\nA: 2\n\n"
        + "Q: I have a lettuce head, two potatoes, and a yam. How many vegetables do I have?\nA: 4\n\n"
        + "Q: I have a dog, a mouse, and a snail. How many animals do I have?\nA: 3\n\n"
        + "Q: I have a cabbage, a carrot, and three onions. How many vegetables do I have?\nA:", row.getString(0));
    // object_counting's digit targets are choice indexes (the harness's isdigit rule): "5" is choice 5.
    assertEquals(List.of("[5,5]"), content("SELECT concat('[', gold_index, ',', target, ']') FROM "
        + table("benchmark_docs") + " WHERE subtask = 'object_counting' AND doc_id = 1"));
  }

  @Test
  void mathPromptHasTheFourMinervaExamplesAndStopsAtProblem() {
    Row row = TestSpark.get().sql("SELECT context, until, max_gen_toks, request_type FROM " + table("requests")
        + " WHERE benchmark = 'math_hard' AND subtask = 'algebra' AND doc_id = 0").first();
    String context = row.getString(0);
    assertTrue(context.startsWith("Problem:\nFind the domain of the expression  $\\frac{\\sqrt{x-2}}{\\sqrt{5-x}}$.}"
        + "\n\nSolution: The expressions inside each square root"), context);
    assertTrue(context.contains("$\\boxed{[2,5)}$.\nFinal Answer: The final answer is $[2,5)$. I hope it is correct."
        + "\n\nProblem:\nIf $\\det \\mathbf{A} = 2$"), context);
    assertTrue(context.contains("30n&=480\\\n\\Rightarrow\\qquad n&=480/30=\\boxed{16}"), context);
    assertTrue(context.endsWith("I hope it is correct.\n\nProblem:\nIf $3x + 7 = 25$, what is the value of $x^2$?"
        + "\n\nSolution:"), context);
    assertEquals(5, context.split("Problem:\n", -1).length - 1);
    assertEquals(List.of("Problem:"), row.getList(1));
    assertEquals(1024, row.getInt(2));
    assertEquals("generate_until", row.getString(3));
    assertEquals(List.of("[algebra,0,36]"), content("SELECT concat('[', subtask, ',', doc_id, ',', target, ']') FROM "
        + table("benchmark_docs") + " WHERE benchmark = 'math_hard' AND subtask = 'algebra' AND doc_id = 0"));
  }

  @Test
  void gpqaPromptListsTheShuffledAnswersAndTheGoldLetterPointsAtTheCorrectOne() {
    Row doc = TestSpark.get().sql("SELECT doc, gold_index, choices FROM " + table("benchmark_docs")
        + " WHERE subtask = 'main' AND doc_id = 0").first();
    Row request = TestSpark.get().sql("SELECT context, continuation FROM " + table("requests")
        + " WHERE subtask = 'main' AND doc_id = 0 AND request_index = 0").first();
    String context = request.getString(0);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("What is the correct answer to this question:"
        + "A 2\\.0 kg block slides on a frictionless floor at 3\\.0 m/s\\. What is its kinetic energy\\?\n"
        + "Choices:\n\\(A\\) (.*)\n\\(B\\) (.*)\n\\(C\\) (.*)\n\\(D\\) (.*)\nAnswer: ").matcher(context);
    assertTrue(m.matches(), context);
    List<String> shown = List.of(m.group(1), m.group(2), m.group(3), m.group(4));
    assertEquals(List.of("18 J", "3.0 J", "6.0 J", "9.0 J"), shown.stream().sorted().toList());
    assertEquals("9.0 J", shown.get(doc.getInt(1)));
    assertEquals(List.of("(A)", "(B)", "(C)", "(D)"), doc.getList(2));
    assertEquals(" (A)", request.getString(1));
  }

  @Test
  void ifevalIsTheBarePromptWithTheLeaderboardGenerationArguments() {
    Row row = TestSpark.get().sql("SELECT context, until, max_gen_toks FROM " + table("requests")
        + " WHERE benchmark = 'ifeval' AND doc_id = 0").first();
    assertEquals("Write a short poem about a lighthouse. Do not use any commas in your response.", row.getString(0));
    assertEquals(List.of(), row.getList(1));
    assertEquals(1280, row.getInt(2));
  }

  @Test
  void requestsOfADocumentShareItsShard() {
    assertEquals(0, count("SELECT count(*) FROM (SELECT benchmark, subtask, doc_id FROM " + table("requests")
        + " GROUP BY benchmark, subtask, doc_id HAVING count(DISTINCT shard) > 1)"));
    assertEquals(0, count("SELECT count(*) FROM " + table("requests") + " r JOIN " + table("benchmark_docs")
        + " d USING (benchmark, subtask, doc_id) WHERE r.shard <> d.shard OR r.shard NOT BETWEEN 0 AND 7"));
    assertEquals(count("SELECT count(*) FROM " + table("requests")),
        count("SELECT count(DISTINCT request_id) FROM " + table("requests")));
  }
}
