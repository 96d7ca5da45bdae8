package io.podium.leaderboard.snapshot;

import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.leaderboard.normalize.Normalization;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot job on hand-made task scores whose normalized values are known by construction:
 * every subtask of a model is given the raw score that normalizes to the model's target.
 */
class SnapshotJobTest {

  @TempDir
  Path tmp;

  /** Task scores for every subtask of the six benchmarks, normalizing to {@code target} (0-100). */
  static List<Row> taskScores(String model, double target, List<String> skipBenchmarks) throws Exception {
    return taskScores(model, target, skipBenchmarks, 200L);
  }

  /** The same, each subtask scored over all of its {@code docs} documents. */
  static List<Row> taskScores(String model, double target, List<String> skipBenchmarks, long docs) throws Exception {
    Normalization rules = Normalization.shipped();
    List<Row> rows = new ArrayList<>();
    Timestamp now = new Timestamp(0);
    for (TaskDefinition def : PodiumConf.benchmarks().values()) {
      if (skipBenchmarks.contains(def.benchmark())) {
        continue;
      }
      Normalization.BenchmarkRule rule = rules.rule(def.benchmark());
      for (TaskDefinition.Subtask s : def.subtasks()) {
        double lower = rule.lowerBound(s.name());
        double raw = lower + target / 100 * (1 - lower);
        for (String metric : def.metrics()) {
          rows.add(RowFactory.create(model, def.benchmark(), s.name(), s.task(), metric, "harness", raw, 0.01, docs,
              docs, "", now, docs));
        }
      }
    }
    return rows;
  }

  private String table(String warehouse, String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private void insert(String warehouse, List<Row> rows) {
    TestSpark.get().createDataFrame(rows, Tables.TASK_SCORES.schema())
        .withColumn("score_hash", functions.expr("sha2(to_json(struct(task, method, value)), 256)"))
        .write().format("delta").mode("append").save(warehouse + "/task_scores");
  }

  @Test
  void ranksCompleteModelsListsTheOthersApartAndMarksTies() throws Exception {
    String wh = tmp.resolve("wh").toString();
    Warehouse.at(wh).open(TestSpark.get()); // creates the tables
    List<Row> rows = new ArrayList<>();
    rows.addAll(taskScores("org/strong@r1#bfloat16", 60, List.of()));
    rows.addAll(taskScores("org/twin@r1#bfloat16", 60, List.of()));
    rows.addAll(taskScores("org/weak@r1#bfloat16", 20, List.of()));
    rows.addAll(taskScores("org/partial@r1#bfloat16", 90, List.of("mmlu_pro")));
    insert(wh, rows);

    Cli snapshot = Cli.in(wh, "snapshot", "--replicates", "200");
    assertEquals(0, snapshot.code, snapshot.toString());
    assertTrue(snapshot.out.contains("3 ranked, 1 listed apart"), snapshot.out);
    List<Row> board = TestSpark.get().sql("SELECT model_key, rank, average, bbh, musr, ifeval, math_hard, gpqa,"
        + " mmlu_pro, tied_with_next, missing, average_low, average_high, ranked, source, math_method, coverage FROM "
        + table(wh, "leaderboard") + " ORDER BY ranked DESC, rank").collectAsList();
    assertEquals(4, board.size());
    // 60 ties with its twin (same scores), whose order is by key; 20 is last.
    assertEquals("org/strong@r1#bfloat16", board.get(0).getString(0));
    assertEquals("org/twin@r1#bfloat16", board.get(1).getString(0));
    assertEquals("org/weak@r1#bfloat16", board.get(2).getString(0));
    assertEquals(List.of(1, 2, 3), List.of(board.get(0).getInt(1), board.get(1).getInt(1), board.get(2).getInt(1)));
    for (int i = 0; i < 3; i++) {
      Row r = board.get(i);
      double target = i < 2 ? 60 : 20;
      for (int c = 2; c <= 8; c++) {
        assertEquals(target, r.getDouble(c), 1e-9, r.getString(0) + " column " + c);
      }
      assertTrue(r.getDouble(11) <= target && target <= r.getDouble(12), "interval holds the average");
    }
    assertTrue(board.get(0).getBoolean(9), "60 and 60 are tied");
    assertFalse(board.get(1).getBoolean(9), "60 and 20 are not");
    assertTrue(board.get(2).isNullAt(9), "the last ranked model has no next");
    Row partial = board.get(3);
    assertEquals("org/partial@r1#bfloat16", partial.getString(0));
    assertFalse(partial.getBoolean(13));
    assertTrue(partial.isNullAt(1) && partial.isNullAt(2), "no rank, no average");
    assertEquals("mmlu_pro", partial.getString(10));
    assertEquals(90.0, partial.getDouble(3), 1e-9, "complete benchmarks are still shown");
    assertEquals("harness", partial.getString(15));
    assertEquals("{\"bbh\":\"24/24\",\"gpqa\":\"3/3\",\"ifeval\":\"1/1\",\"math_hard\":\"7/7\",\"mmlu_pro\":\"1/1\","
        + "\"musr\":\"3/3\"}", partial.getString(16));
  }

  @Test
  void aModelCompleteOnOtherDocumentsIsListedApartNotRankedAboveFullRuns() throws Exception {
    String wh = tmp.resolve("wh-docs").toString();
    Warehouse.at(wh).open(TestSpark.get());
    List<Row> rows = new ArrayList<>();
    rows.addAll(taskScores("org/full@r1#bfloat16", 30, List.of(), 200L));
    rows.addAll(taskScores("org/full-too@r1#bfloat16", 20, List.of(), 200L));
    // Complete on its own documents (n = docs), but 34 of them per subtask: a sample.
    rows.addAll(taskScores("org/sample@r1#bfloat16", 90, List.of(), 34L));
    insert(wh, rows);

    Cli snapshot = Cli.in(wh, "snapshot", "--replicates", "100");
    assertEquals(0, snapshot.code, snapshot.toString());
    assertTrue(snapshot.out.contains("2 ranked, 1 listed apart"), snapshot.out);
    List<String> board = io.podium.testing.Tables.content("SELECT model_key, rank, documents, missing FROM "
        + table(wh, "leaderboard")); // sorted rows
    int subtasks = PodiumConf.benchmarks().values().stream().mapToInt(d -> d.subtasks().size()).sum();
    assertEquals(List.of("org/full-too@r1#bfloat16,2," + 200 * subtasks + ",null",
        "org/full@r1#bfloat16,1," + 200 * subtasks + ",null",
        "org/sample@r1#bfloat16,null," + 34 * subtasks + ",bbh on " + 34 * 24 + " documents, the ranked models on "
            + 200 * 24 + ", gpqa on " + 34 * 3 + " documents, the ranked models on " + 200 * 3 + ", ifeval on 34"
            + " documents, the ranked models on 200, math_hard on " + 34 * 7 + " documents, the ranked models on "
            + 200 * 7 + ", mmlu_pro on 34 documents, the ranked models on 200, musr on " + 34 * 3
            + " documents, the ranked models on " + 200 * 3), board);

    // Every format shows the documents and why the sample is apart.
    Cli table = Cli.in(wh, "leaderboard");
    assertTrue(table.out.contains("ranked on the same documents: subtasks bbh 24/24, gpqa 3/3, ifeval 1/1,"
        + " math_hard 7/7, mmlu_pro 1/1, musr 3/3; " + 200 * subtasks + " documents per ranked model"), table.out);
    assertTrue(table.out.contains("| docs") || table.out.contains(" docs "), table.out);
    assertTrue(table.out.contains("bbh on " + 34 * 24 + " documents"), table.out);
    Cli csv = Cli.in(wh, "leaderboard", "--format", "csv");
    assertTrue(csv.out.lines().findFirst().orElseThrow().contains(",coverage,") && csv.out.contains(",documents,"),
        csv.out);
    Cli json = Cli.in(wh, "leaderboard", "--format", "json");
    assertTrue(json.out.contains("\"documents\":" + 34 * subtasks), json.out);
  }

  @Test
  void theSameScoresGiveTheSameSnapshotAndAChangeGivesANewOne() throws Exception {
    String wh = tmp.resolve("wh2").toString();
    Warehouse.at(wh).open(TestSpark.get());
    insert(wh, taskScores("org/a@r1#float16", 50, List.of()));
    insert(wh, taskScores("org/b@r1#float16", 30, List.of()));
    Cli first = Cli.in(wh, "snapshot", "--replicates", "200");
    assertEquals(0, first.code, first.toString());
    List<String> firstContent = io.podium.testing.Tables.content("SELECT * EXCEPT (snapshot_time) FROM "
        + table(wh, "leaderboard"));
    Cli again = Cli.in(wh, "snapshot", "--replicates", "200");
    assertTrue(again.out.contains("scores unchanged since snapshot"), again.out);
    assertEquals(firstContent, io.podium.testing.Tables.content("SELECT * EXCEPT (snapshot_time) FROM "
        + table(wh, "leaderboard")));

    TestSpark.get().sql("UPDATE " + table(wh, "task_scores") + " SET value = value + 0.1"
        + " WHERE model_key = 'org/b@r1#float16' AND benchmark = 'mmlu_pro'");
    Cli changed = Cli.in(wh, "snapshot", "--replicates", "200");
    assertTrue(changed.out.contains("took snapshot"), changed.out);
    assertEquals(2, count("SELECT count(DISTINCT snapshot_id) FROM " + table(wh, "leaderboard")));
    // The earlier snapshot is kept as it was.
    assertEquals(firstContent, io.podium.testing.Tables.content("SELECT * EXCEPT (snapshot_time) FROM "
        + table(wh, "leaderboard") + " WHERE snapshot_id = '" + firstContent.get(0).split(",")[0] + "'"));
  }

  @Test
  void whatWasSubmittedOfAModelIsOnItsRow() throws Exception {
    String wh = tmp.resolve("wh-card").toString();
    Cli submit = Cli.in(wh, "submit", "--model", "org/card", "--revision", "r1", "--precision", "bfloat16",
        "--backend", "builtin", "--uri", "tiny-gpt", "--type", "chat", "--params", "8.03", "--architecture",
        "LlamaForCausalLM", "--license", "llama3.1", "--base-model", "org/base", "--moe");
    assertEquals(0, submit.code, submit.toString());
    // As if its evaluation had FINISHED with these scores (the snapshot shows finished models only).
    TestSpark.get().sql("UPDATE " + table(wh, "submissions") + " SET status = 'FINISHED'");
    insert(wh, taskScores("org/card@r1#bfloat16", 40, List.of()));
    assertEquals(0, Cli.in(wh, "snapshot", "--replicates", "200").code);
    assertEquals(List.of("org/card@r1#bfloat16,1,chat,8.03,LlamaForCausalLM,llama3.1,org/base,false,true"),
        io.podium.testing.Tables.content("SELECT model_key, rank, model_type, params_billions, architecture,"
            + " license, base_model, merged, moe FROM " + table(wh, "leaderboard")));
  }

  @Test
  void scoresGoingAToBAndBackToAMakeTheLatestSnapshotShowA() throws Exception {
    String wh = tmp.resolve("wh-aba").toString();
    Warehouse.at(wh).open(TestSpark.get());
    insert(wh, taskScores("org/a@r1#float16", 50, List.of()));
    insert(wh, taskScores("org/b@r1#float16", 30, List.of()));
    String content = "SELECT * EXCEPT (snapshot_id, snapshot_time, inputs, parent_id, sequence_number) FROM "
        + table(wh, "leaderboard") + " WHERE sequence_number = ";
    assertEquals(0, Cli.in(wh, "snapshot", "--replicates", "200").code);
    List<String> a = io.podium.testing.Tables.content(content + "1");

    TestSpark.get().sql("DELETE FROM " + table(wh, "task_scores") + " WHERE model_key = 'org/b@r1#float16'");
    insert(wh, taskScores("org/b@r1#float16", 70, List.of()));
    assertEquals(0, Cli.in(wh, "snapshot", "--replicates", "200").code);
    TestSpark.get().sql("DELETE FROM " + table(wh, "task_scores") + " WHERE model_key = 'org/b@r1#float16'");
    insert(wh, taskScores("org/b@r1#float16", 30, List.of()));
    Cli back = Cli.in(wh, "snapshot", "--replicates", "200");
    assertTrue(back.out.contains("took snapshot"), "A again after B is a new snapshot\n" + back);

    List<Row> chain = TestSpark.get().sql("SELECT DISTINCT sequence_number, snapshot_id, parent_id FROM "
        + table(wh, "leaderboard") + " ORDER BY sequence_number").collectAsList();
    assertEquals(3, chain.size(), chain.toString());
    assertTrue(chain.get(0).isNullAt(2), "the first snapshot has no parent");
    assertEquals(chain.get(0).getString(1), chain.get(1).getString(2));
    assertEquals(chain.get(1).getString(1), chain.get(2).getString(2));
    assertFalse(chain.get(0).getString(1).equals(chain.get(2).getString(1)), "A after B has its own id");
    assertEquals(a, io.podium.testing.Tables.content(content + "3"), "the third snapshot shows A's board");

    Cli board = Cli.in(wh, "leaderboard", "--format", "json");
    assertEquals(0, board.code, board.toString());
    assertTrue(board.out.contains(chain.get(2).getString(1)), "leaderboard shows the latest snapshot, A\n" + board);
    Cli unchanged = Cli.in(wh, "snapshot", "--replicates", "200");
    assertTrue(unchanged.out.contains("scores unchanged since snapshot " + chain.get(2).getString(1)), unchanged.out);
  }

  @Test
  void twoSnapshotJobsOnTheSameParentDoNotBothAppendOnIt() throws Exception {
    String wh = tmp.resolve("wh-race").toString();
    Warehouse.at(wh).open(TestSpark.get());
    insert(wh, taskScores("org/a@r1#float16", 50, List.of()));
    insert(wh, taskScores("org/b@r1#float16", 30, List.of()));
    io.podium.spark.Warehouse warehouse = io.podium.spark.Warehouse.at(wh);
    // Both read the (empty) history before either commits; their contents differ (200 and 150
    // bootstrap replicates give different intervals), so each is a snapshot of its own.
    java.util.concurrent.CountDownLatch bothRead = new java.util.concurrent.CountDownLatch(2);
    Runnable hook = () -> {
      bothRead.countDown();
      try {
        bothRead.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<SnapshotJob.Result>> runs = new ArrayList<>();
      for (int replicates : new int[] {200, 150}) {
        runs.add(pool.submit(() -> new SnapshotJob(TestSpark.get(), warehouse, Normalization.shipped(),
            PodiumConf.benchmarks()).beforeCommit(hook).run(replicates)));
      }
      for (java.util.concurrent.Future<SnapshotJob.Result> run : runs) {
        assertTrue(run.get(5, java.util.concurrent.TimeUnit.MINUTES).appended());
      }
    } finally {
      pool.shutdownNow();
    }
    List<Row> chain = TestSpark.get().sql("SELECT DISTINCT sequence_number, snapshot_id, parent_id FROM "
        + table(wh, "leaderboard") + " ORDER BY sequence_number").collectAsList();
    assertEquals(2, chain.size(), "one snapshot per job, in one chain: " + chain);
    assertEquals(List.of(1L, 2L), List.of(chain.get(0).getLong(0), chain.get(1).getLong(0)));
    assertTrue(chain.get(0).isNullAt(2), chain.toString());
    assertEquals(chain.get(0).getString(1), chain.get(1).getString(2), "the second built on the first: " + chain);
  }

  @Test
  void importedHarnessResultsGiveThePublishedNormalizedScores() throws Exception {
    String wh = tmp.resolve("wh3").toString();
    Path file = Path.of(getClass().getResource("/harness/results_pythia-1.4b.json").toURI());
    Cli imported = Cli.in(wh, "import-harness", file.toString());
    assertEquals(0, imported.code, imported.toString());
    assertTrue(imported.out.contains("imported EleutherAI/pythia-1.4b@main#unknown: 42 task scores"), imported.out);
    Cli again = Cli.in(wh, "import-harness", file.toString());
    assertEquals(0, again.code, again.toString());
    assertEquals(42, count("SELECT count(*) FROM " + table(wh, "task_scores")));
    assertEquals(1, count("SELECT count(*) FROM " + table(wh, "submissions") + " WHERE status = 'IMPORTED'"));

    Cli snapshot = Cli.in(wh, "snapshot", "--replicates", "200");
    assertEquals(0, snapshot.code, snapshot.toString());
    Row r = TestSpark.get().sql("SELECT ifeval, bbh, math_hard, gpqa, musr, mmlu_pro, average, rank, source,"
        + " math_method, bbh_raw, musr_raw FROM " + table(wh, "leaderboard")).first();
    // pythia-1.4b's per-task results as published in the leaderboard's details dataset (run of January
    // 2025, before the MATH re-scoring), normalized independently (a separate script applying the
    // documented formula). The test file's stderrs are derived from the values with the harness's
    // formula; the published file's own are not used by the normalization.
    double[] published = {23.7081, 3.8790, 0.7553, 1.5660, 4.0227, 1.3649, 5.8827};
    for (int i = 0; i < published.length; i++) {
      assertEquals(published[i], r.getDouble(i), 0.0001, "column " + i);
    }
    assertEquals(1, r.getInt(7));
    assertEquals("harness", r.getString(8));
    assertEquals("imported", r.getString(9));
    assertEquals(0.3150426, r.getDouble(10), 1e-6, "BBH raw: the unweighted mean of the 24 subtasks");
  }

  @Test
  void aPartialResultsFileIsRefusedNamingWhatItLacks() throws Exception {
    String wh = tmp.resolve("wh4").toString();
    String json = java.nio.file.Files.readString(Path.of(getClass().getResource("/harness/results_pythia-1.4b.json")
        .toURI()));
    com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("results")).remove("leaderboard_bbh_navigate");
    ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("n-samples")).remove("leaderboard_mmlu_pro");
    Path partial = tmp.resolve("results_partial.json");
    java.nio.file.Files.writeString(partial, root.toString());
    Cli run = Cli.in(wh, "import-harness", partial.toString());
    assertEquals(1, run.code, run.toString());
    assertTrue(run.err.contains(partial + " is not a complete leaderboard run: it lacks 2 result(s):"), run.err);
    assertTrue(run.err.contains("leaderboard_bbh_navigate") && run.err.contains("n-samples of leaderboard_mmlu_pro"),
        run.err);
    assertEquals(0, count("SELECT count(*) FROM " + table(wh, "task_scores")));
  }

  @Test
  void aResultsFileWithoutABenchmarkOfTheGroupImportsWhatItHasAndSaysWhatIsMissing() throws Exception {
    String wh = tmp.resolve("wh5").toString();
    String json = java.nio.file.Files.readString(Path.of(getClass().getResource("/harness/results_pythia-1.4b.json")
        .toURI()));
    com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode)
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    // As a run from before MuSR joined the group would be: not a single MuSR result.
    for (String section : List.of("results", "n-samples", "configs", "versions", "higher_is_better")) {
      if (root.get(section) instanceof com.fasterxml.jackson.databind.node.ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.stream().filter(n -> n.startsWith("leaderboard_musr")).forEach(node::remove);
      }
    }
    Path older = tmp.resolve("results_without_musr.json");
    java.nio.file.Files.writeString(older, root.toString());
    Cli run = Cli.in(wh, "import-harness", older.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("results_without_musr.json has no result of musr"), run.out);
    assertEquals(0, count("SELECT count(*) FROM " + table(wh, "task_scores") + " WHERE benchmark = 'musr'"));
    assertTrue(count("SELECT count(DISTINCT benchmark) FROM " + table(wh, "task_scores")) == 5);

    Cli snapshot = Cli.in(wh, "snapshot", "--replicates", "100");
    assertEquals(0, snapshot.code, snapshot.toString());
    List<Row> row = TestSpark.get().sql("SELECT ranked, missing, bbh IS NOT NULL, musr FROM "
        + table(wh, "leaderboard")).collectAsList();
    assertEquals(1, row.size());
    assertFalse(row.get(0).getBoolean(0));
    assertTrue(row.get(0).getString(1).contains("musr"), row.get(0).toString());
    assertTrue(row.get(0).getBoolean(2) && row.get(0).isNullAt(3), row.get(0).toString());
  }
}
