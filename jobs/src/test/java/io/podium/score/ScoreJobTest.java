package io.podium.score;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The score job on real Spark and Delta: the bundled samples, evaluated by a built-in model. */
class ScoreJobTest {

  static final String MODEL = "podium/bigram-gpt@v1#float32";

  @TempDir
  static Path tmp;
  static String warehouse;

  @BeforeAll
  static void evaluate() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("wh").toString();
    Cli ingest = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--shards", "4");
    assertEquals(0, ingest.code, ingest.toString());
    Cli evaluate = Cli.in(warehouse, "evaluate", "--model", "builtin:bigram-gpt");
    assertEquals(0, evaluate.code, evaluate.toString());
    Cli score = Cli.in(warehouse, "score");
    assertEquals(0, score.code, score.toString());
  }

  static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  @Test
  void everyDocumentGetsEachMetricOfItsBenchmark() {
    Map<String, Integer> metrics = Map.of("bbh", 1, "gpqa", 1, "musr", 1, "mmlu_pro", 1, "math_hard", 1, "ifeval", 4);
    for (Map.Entry<String, Integer> e : metrics.entrySet()) {
      long docs = count("SELECT count(*) FROM " + table("benchmark_docs") + " WHERE benchmark = '" + e.getKey() + "'");
      assertTrue(docs > 0, e.getKey());
      assertEquals(docs * e.getValue(), count("SELECT count(*) FROM " + table("sample_scores")
          + " WHERE model_key = '" + MODEL + "' AND benchmark = '" + e.getKey() + "'"), e.getKey());
    }
    assertEquals(List.of("acc_norm"), content("SELECT DISTINCT metric FROM " + table("sample_scores")
        + " WHERE benchmark IN ('bbh', 'gpqa', 'musr')"));
    assertEquals(List.of("acc"), content("SELECT DISTINCT metric FROM " + table("sample_scores")
        + " WHERE benchmark = 'mmlu_pro'"));
    assertEquals(List.of("math_hard,exact_match,leaderboard_fork"), content("SELECT DISTINCT benchmark, metric, method FROM "
        + table("sample_scores") + " WHERE benchmark = 'math_hard'"));
  }

  @Test
  void choiceScoresAgreeWithAnIndependentComputationFromPredictions() {
    // argmax of log-likelihood (acc) or log-likelihood per character (acc_norm), in SQL.
    String perDoc = "SELECT d.benchmark, d.subtask, d.doc_id, d.gold_index,"
        + " max_by(p.request_index, CASE WHEN d.benchmark = 'mmlu_pro' THEN p.loglikelihood"
        + "   ELSE p.loglikelihood / char_length(element_at(d.choices, p.request_index + 1)) END) AS chosen"
        + " FROM " + table("predictions") + " p JOIN " + table("benchmark_docs") + " d"
        + " ON d.benchmark = p.benchmark AND d.subtask = p.subtask AND d.doc_id = p.doc_id"
        + " WHERE p.model_key = '" + MODEL + "' AND d.benchmark IN ('bbh', 'gpqa', 'musr', 'mmlu_pro')"
        + " GROUP BY d.benchmark, d.subtask, d.doc_id, d.gold_index";
    List<String> expected = content("SELECT benchmark, subtask, doc_id, chosen, IF(chosen = gold_index, 1D, 0D)"
        + " FROM (" + perDoc + ")");
    List<String> actual = content("SELECT benchmark, subtask, doc_id, chosen_index, value FROM "
        + table("sample_scores") + " WHERE model_key = '" + MODEL + "' AND benchmark IN ('bbh', 'gpqa', 'musr',"
        + " 'mmlu_pro')");
    assertEquals(expected, actual);
    List<String> expectedTasks = content("SELECT benchmark, subtask, round(avg(IF(chosen = gold_index, 1D, 0D)), 12),"
        + " count(*) FROM (" + perDoc + ") GROUP BY benchmark, subtask");
    List<String> actualTasks = content("SELECT benchmark, subtask, round(value, 12), n FROM " + table("task_scores")
        + " WHERE model_key = '" + MODEL + "' AND benchmark IN ('bbh', 'gpqa', 'musr', 'mmlu_pro')");
    assertEquals(expectedTasks, actualTasks);
  }

  @Test
  void taskValuesAndStandardErrorsAreTheHarnessAggregates() {
    for (Row r : TestSpark.get().sql("SELECT t.metric, t.value, t.stderr, t.n, t.units,"
        + " s.mean, s.sd, s.n, s.followed, s.instructions FROM " + table("task_scores") + " t JOIN ("
        + "   SELECT benchmark, subtask, metric, avg(value) AS mean, stddev_samp(value) AS sd, count(*) AS n,"
        + "     sum(size(filter(instruction_verdicts, v -> v))) AS followed,"
        + "     sum(size(instruction_verdicts)) AS instructions"
        + "   FROM " + table("sample_scores") + " WHERE model_key = '" + MODEL + "'"
        + "   GROUP BY benchmark, subtask, metric) s"
        + " ON s.benchmark = t.benchmark AND s.subtask = t.subtask AND s.metric = t.metric"
        + " WHERE t.model_key = '" + MODEL + "'").collectAsList()) {
      String metric = r.getString(0);
      long n = r.getLong(3);
      assertEquals(r.getLong(7), n, metric);
      if (metric.startsWith("inst_level")) {
        // The flattened mean over instructions; the harness reports no stderr for it.
        assertEquals((double) r.getLong(8) / r.getLong(9), r.getDouble(1), 0.0, metric);
        assertEquals(r.getLong(9), r.getLong(4));
        assertTrue(r.isNullAt(2), metric);
      } else {
        assertEquals(r.getDouble(5), r.getDouble(1), 1e-12, metric);
        assertEquals(n, r.getLong(4));
        if (n > 1) {
          assertEquals(r.getDouble(6) / Math.sqrt(n), r.getDouble(2), 1e-12, metric);
        } else {
          assertTrue(r.isNullAt(2), metric);
        }
      }
    }
    assertEquals(count("SELECT count(DISTINCT benchmark, subtask) FROM " + table("benchmark_docs")),
        count("SELECT count(DISTINCT benchmark, subtask) FROM " + table("task_scores") + " WHERE model_key = '"
            + MODEL + "'"));
  }

  @Test
  void scoringAgainChangesNoRow() {
    List<String> samples = content("SELECT * EXCEPT (scored_at) FROM " + table("sample_scores"));
    List<String> tasks = content("SELECT * FROM " + table("task_scores"));
    Cli again = Cli.in(warehouse, "score");
    assertEquals(0, again.code, again.toString());
    for (String name : List.of("sample_scores", "task_scores")) {
      Row last = TestSpark.get().sql("DESCRIBE HISTORY " + table(name) + " LIMIT 1").first();
      Map<String, String> metrics = last.getJavaMap(last.fieldIndex("operationMetrics"));
      for (String m : List.of("numTargetRowsInserted", "numTargetRowsUpdated", "numTargetRowsDeleted")) {
        assertEquals("0", metrics.get(m), name + " " + m + " " + metrics);
      }
    }
    assertEquals(samples, content("SELECT * EXCEPT (scored_at) FROM " + table("sample_scores")));
    assertEquals(tasks, content("SELECT * FROM " + table("task_scores")));
  }

  @Test
  void aMissingPredictionLeavesItsTaskUnscoredUntilItIsEvaluated() {
    String navigate = " WHERE model_key = '" + MODEL + "' AND benchmark = 'bbh' AND subtask = 'navigate'";
    long docs = count("SELECT count(*) FROM " + table("benchmark_docs")
        + " WHERE benchmark = 'bbh' AND subtask = 'navigate'");
    TestSpark.get().sql("DELETE FROM " + table("predictions") + navigate + " AND doc_id = 1 AND request_index = 1");

    Cli score = Cli.in(warehouse, "score", "--model", "builtin:bigram-gpt", "--benchmarks", "bbh");
    assertEquals(0, score.code, score.toString());
    assertTrue(score.out.contains("bbh/navigate (1 of " + docs + " docs incomplete, e.g. no prediction for choice [1])"),
        score.out);
    assertEquals(0, count("SELECT count(*) FROM " + table("task_scores") + navigate));
    assertEquals(docs - 1, count("SELECT count(*) FROM " + table("sample_scores") + navigate));
    assertEquals(1, count("SELECT count(*) FROM " + table("task_scores")
        + " WHERE model_key = '" + MODEL + "' AND benchmark = 'bbh' AND subtask = 'boolean_expressions'"));
    assertEquals(1, count("SELECT count(*) FROM " + table("task_scores")
        + " WHERE model_key = '" + MODEL + "' AND benchmark = 'mmlu_pro'"), "other benchmarks are left alone");

    Cli evaluate = Cli.in(warehouse, "evaluate", "--model", "builtin:bigram-gpt", "--benchmarks", "bbh");
    assertTrue(evaluate.out.contains("(1 computed now"), evaluate.out);
    Cli rescore = Cli.in(warehouse, "score", "--model", MODEL);
    assertEquals(0, rescore.code, rescore.toString());
    assertFalse(rescore.out.contains("incomplete"), rescore.out);
    assertEquals(1, count("SELECT count(*) FROM " + table("task_scores") + navigate));
  }

  @Test
  void theMathMethodIsAnOptionAndIsRecorded() {
    Cli corrected = Cli.in(warehouse, "score", "--benchmarks", "math_hard", "--math-method", "corrected");
    assertEquals(0, corrected.code, corrected.toString());
    assertEquals(List.of("corrected"), content("SELECT DISTINCT method FROM " + table("task_scores")
        + " WHERE benchmark = 'math_hard'"));
    assertEquals(List.of("corrected"), content("SELECT DISTINCT method FROM " + table("sample_scores")
        + " WHERE benchmark = 'math_hard'"));
    Cli upstream = Cli.in(warehouse, "score", "--benchmarks", "math_hard", "--math-method", "sympy_2024");
    assertEquals(0, upstream.code, upstream.toString());
    assertEquals(List.of("sympy_2024"), content("SELECT DISTINCT method FROM " + table("sample_scores")
        + " WHERE benchmark = 'math_hard'"));
    Cli back = Cli.in(warehouse, "score", "--benchmarks", "math_hard");
    assertEquals(0, back.code, back.toString());
    assertEquals(List.of("leaderboard_fork"), content("SELECT DISTINCT method FROM " + table("task_scores")
        + " WHERE benchmark = 'math_hard'"));
    Cli wrong = Cli.in(warehouse, "score", "--math-method", "exact");
    assertEquals(2, wrong.code, wrong.toString());
  }

  @Test
  void aSnapshotOfTheScoredModelHasIntervalsFromItsDocuments() {
    Cli snapshot = Cli.in(warehouse, "snapshot", "--replicates", "200");
    assertEquals(0, snapshot.code, snapshot.toString());
    Row r = TestSpark.get().sql("SELECT * FROM " + table("leaderboard") + " WHERE model_key = '" + MODEL + "'"
        + " ORDER BY snapshot_time DESC LIMIT 1").first();
    assertTrue(r.<Boolean>getAs("ranked"), "complete on every ingested subtask");
    assertTrue(r.<String>getAs("coverage").contains("\"bbh\":\"3/24\""), r.<String>getAs("coverage"));
    for (String b : List.of("average", "ifeval", "bbh", "math_hard", "gpqa", "musr", "mmlu_pro")) {
      double value = r.getAs(b);
      double low = r.getAs(b + "_low");
      double high = r.getAs(b + "_high");
      assertTrue(low <= value + 1e-9 && value <= high + 1e-9, b + ": " + low + " <= " + value + " <= " + high);
    }
    assertEquals("leaderboard_fork", r.getAs("math_method"));
    assertTrue(r.<Double>getAs("co2_kg") > 0, "evaluation time is known from the predictions");
  }

  @Test
  void aLimitedRunIsScoredOverItsDocumentsAsPartialAndListedApartFromFullRuns() throws Exception {
    Path samples = tmp.resolve("samples");
    String limited = tmp.resolve("limited").toString();
    assertEquals(0, Cli.run("ingest", "--source", samples.toString(), "--warehouse", limited, "--benchmarks", "bbh")
        .code);
    Cli nothing = Cli.in(limited, "snapshot", "--replicates", "100");
    assertEquals(0, nothing.code, nothing.toString());
    assertEquals("no snapshot taken: no model has task scores yet; run podium score after podium evaluate\n",
        nothing.out, nothing.toString());

    assertEquals(0, Cli.in(limited, "evaluate", "--model", "builtin:tiny-gpt", "--limit", "1").code);
    Cli score = Cli.in(limited, "score");
    assertEquals(0, score.code, score.toString());
    String docs = "delta.`" + limited + "/benchmark_docs`";
    String tasks = "delta.`" + limited + "/task_scores`";
    String sampleScores = "delta.`" + limited + "/sample_scores`";
    // Every subtask is scored over its first document (doc_id < 1), out of all of its documents.
    List<String> expected = content("SELECT subtask, count_if(doc_id < 1), count(*) FROM " + docs
        + " GROUP BY subtask");
    assertEquals(expected, content("SELECT subtask, n, docs FROM " + tasks));
    assertEquals(content("SELECT subtask, round(avg(value), 12) FROM " + sampleScores + " GROUP BY subtask"),
        content("SELECT subtask, round(value, 12) FROM " + tasks));
    long partial = count("SELECT count(*) FROM (SELECT subtask FROM " + docs + " GROUP BY subtask HAVING count(*) > 1)");
    assertTrue(partial > 0, "the samples have subtasks of several documents");
    assertTrue(score.out.contains("podium/tiny-gpt@v1#float32: partial scores for " + partial + " task(s)"), score.out);

    Cli snapshot = Cli.in(limited, "snapshot", "--replicates", "100");
    assertEquals(0, snapshot.code, snapshot.toString());
    assertTrue(snapshot.out.contains(": 0 ranked, 1 listed apart"), snapshot.out);
    String missing = content("SELECT missing FROM delta.`" + limited + "/leaderboard`").get(0);
    String someSubtask = content("SELECT subtask, count(*) FROM " + docs + " GROUP BY subtask HAVING count(*) > 1"
        + " ORDER BY subtask LIMIT 1").get(0);
    String[] subtaskAndDocs = someSubtask.split(",");
    assertTrue(missing.contains("bbh/" + subtaskAndDocs[0] + " (partial: 1 of " + subtaskAndDocs[1] + " docs)"),
        missing);
  }

  @Test
  void aModelWithoutPredictionsIsNamedInTheError() {
    Cli score = Cli.in(warehouse, "score", "--model", "builtin:tiny-llama"); // a model never evaluated here
    assertEquals(1, score.code, score.toString());
    assertTrue(score.err.contains("no predictions for model podium/tiny-llama@v1#float32"), score.err);
  }
}
