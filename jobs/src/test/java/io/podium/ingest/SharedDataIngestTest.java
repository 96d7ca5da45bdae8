package io.podium.ingest;

import io.podium.tables.Json;
import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import io.podium.testing.ForkReference;
import io.podium.testing.Paths;
import io.podium.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of the real benchmark files in ../shared/data (skipped when absent): document
 * counts of the leaderboard and prompts compared with the harness's rendering.
 */
class SharedDataIngestTest {

  @TempDir
  static Path tmp;
  static Path data;
  static Path warehouse;
  static Cli run;

  @BeforeAll
  static void ingestSharedData() {
    data = Paths.sharedData();
    warehouse = tmp.resolve("warehouse");
    run = Cli.run("ingest", "--source", data.toString(), "--warehouse", warehouse.toString());
    assertEquals(0, run.code, run.toString());
  }

  static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  @Test
  void documentCountsAreTheLeaderboards() {
    assertTrue(run.out.contains("layout: shared-data"), run.out);
    assertEquals(List.of("bbh,24,5761", "ifeval,1,541", "math_hard,7,1324", "mmlu_pro,1,12032", "musr,3,30"),
        content("SELECT benchmark, count(DISTINCT subtask), count(*) FROM " + table("benchmark_docs")
            + " GROUP BY benchmark"));
    // MATH: the 5,000 test problems, 1,324 of Level 5; the rest are filtered, none rejected.
    assertTrue(run.out.matches("(?s).*math_hard\\s+5000\\s+1324\\s+0\\s+3676\\s.*"), run.out);
    assertEquals(0, count("SELECT count(*) FROM " + table("ingest_rejects")));
    // The three BBH documents whose gold target is not a choice are kept, as the harness keeps them.
    assertEquals(List.of("movie_recommendation,163", "ruin_names,144", "ruin_names,99"),
        content("SELECT subtask, doc_id FROM " + table("benchmark_docs") + " WHERE benchmark = 'bbh'"
            + " AND gold_index IS NULL"));
  }

  @Test
  void mmluProDocsAreInButItsRequestsWaitForTheFewshotSplit() {
    assertTrue(run.out.matches("(?s).*mmlu_pro\\s+12032\\s+12032\\s+0\\s+0\\s+0\\s.*few-shot split missing.*"
        + "--fewshot-source mmlu_pro=PATH.*"), run.out);
    assertEquals(0, count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark = 'mmlu_pro'"));
  }

  @Test
  void bbhPromptIsTheOneTheLeaderboardForkSent() {
    // leaderboard_bbh_boolean_expressions, doc 0, as the fork (adding_all_changess) renders it:
    // the description goes through Jinja (lm_eval/api/task.py:1059, lm_eval/utils.py:474, no
    // keep_trailing_newline), which drops its final "\n", so it runs straight into the first "Q:".
    // Checked against the fork's executed code by tools/fork-reference (see the test below).
    List<Row> rows = TestSpark.get().sql("SELECT context, continuation FROM " + table("requests")
        + " WHERE subtask = 'boolean_expressions' AND doc_id = 0 ORDER BY request_index").collectAsList();
    String expected = "Evaluate the result of a random Boolean expression."
        + "Q: not ( ( not not True ) ) is\nA: False\n\n"
        + "Q: True and False and not True and True is\nA: False\n\n"
        + "Q: not not ( not ( False ) ) is\nA: True\n\n"
        + "Q: not ( True ) and ( True ) is\nA:";
    assertEquals(expected, rows.get(0).getString(0));
    assertEquals(List.of(" False", " True"), rows.stream().map(r -> r.getString(1)).toList());
    // 24 subtasks x 3 few-shot examples came from the cot-prompts.
    assertTrue(run.out.matches("(?s).*bbh\\s+5761\\s+5761\\s+0\\s+0\\s+\\d+\\s+72\\s.*"), run.out);
  }

  @Test
  void everyBbhSubtaskRendersAsTheForkDoesInEveryPromptFormat() throws Exception {
    Cli.run("sql", "--warehouse", warehouse.toString(), "SELECT 1"); // this warehouse, in the shared session
    // 24 subtasks x (plain + 5 chat templates), few-shot examples as ingest read them from cot-prompts
    assertEquals(24 * 6, ForkReference.check("bbh"));
  }

  @Test
  void mathPromptOfTheFirstLevel5AlgebraProblem() throws Exception {
    JsonNode first = null;
    for (String line : Files.readAllLines(data.resolve("math/test.jsonl"))) {
      JsonNode node = Json.MAPPER.readTree(line);
      if (node.get("level").asText().equals("Level 5") && node.get("type").asText().equals("Algebra")) {
        first = node;
        break;
      }
    }
    Row row = TestSpark.get().sql("SELECT r.context, d.source_key FROM " + table("requests") + " r JOIN "
        + table("benchmark_docs") + " d USING (benchmark, subtask, doc_id) WHERE subtask = 'algebra' AND doc_id = 0")
        .first();
    assertEquals(first.get("idx").asText(), row.getString(1));
    assertTrue(row.getString(0).endsWith("I hope it is correct.\n\nProblem:\n" + first.get("problem").asText()
        + "\n\nSolution:"), row.getString(0));
  }

  @Test
  void musrViewerSchemaIsExpandedToOneDocumentPerQuestion() {
    Row row = TestSpark.get().sql("SELECT context, continuation FROM " + table("requests")
        + " WHERE subtask = 'object_placements' AND doc_id = 0 AND request_index = 1").first();
    assertTrue(row.getString(0).endsWith("Which location is the most likely place Danny would look to find the"
        + " earphones given the story?\n\n1 - piano\n2 - producer's desk\n3 - recording booth\n\nAnswer:"),
        row.getString(0));
    assertEquals(" producer's desk", row.getString(1));
    assertEquals(List.of("murder_mysteries,5", "object_placements,20", "team_allocation,5"),
        content("SELECT subtask, count(*) FROM " + table("benchmark_docs") + " WHERE benchmark = 'musr'"
            + " GROUP BY subtask"));
  }

  @Test
  void mmluProRequestsRenderOnceAFewshotSplitIsNamed() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    Path wh = tmp.resolve("mmlu");
    Cli mmlu = Cli.run("ingest", "--source", data.toString(), "--warehouse", wh.toString(), "--benchmarks",
        "mmlu_pro", "--fewshot-source", "mmlu_pro=" + samples.resolve("MMLU-Pro/data/validation-00000-of-00001.jsonl"));
    assertEquals(0, mmlu.code, mmlu.toString());
    long options = 0;
    for (String line : Files.readAllLines(data.resolve("mmlu_pro/test.jsonl"))) {
      options += Json.MAPPER.readTree(line).get("options").size();
    }
    assertEquals(options, count("SELECT count(*) FROM delta.`" + wh + "/requests`"));
  }
}
