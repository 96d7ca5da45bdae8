package io.podium.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.testing.Launcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/podium as the README uses it: the demo, then SQL over its warehouse, in fresh JVMs. */
class LauncherIT {

  @TempDir
  Path tmp;

  @Test
  void helpListsTheCommandsAndEachCommandHasItsOwn() throws Exception {
    Launcher help = Launcher.run(tmp, "--help");
    assertEquals(0, help.code, help.toString());
    assertTrue(help.output.contains("ingest") && help.output.contains("sql") && help.output.contains("demo"),
        help.output);
    Launcher ingestHelp = Launcher.run(tmp, "ingest", "--help");
    assertEquals(0, ingestHelp.code, ingestHelp.toString());
    assertTrue(ingestHelp.output.contains("--source DIR|URI") && ingestHelp.output.contains("--warehouse"),
        ingestHelp.output);
    Launcher wrong = Launcher.run(tmp, "ingest", "--sauce", "x");
    assertEquals(2, wrong.code, wrong.toString());
    assertTrue(wrong.output.contains("unknown option --sauce"), wrong.output);
  }

  @Test
  void anUnknownModelIsRefusedInOneLineBeforeSparkStarts() throws Exception {
    long start = System.nanoTime();
    Launcher run = Launcher.run(tmp, "evaluate", "--model", "builtin:nope");
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(2, run.code, run.toString());
    List<String> podiumLines = run.output.lines().filter(l -> l.contains("podium")).toList();
    assertEquals(1, podiumLines.size(), run.output);
    assertTrue(podiumLines.get(0).startsWith("podium evaluate: --model builtin:nope: no built-in model 'nope';"),
        run.output);
    assertFalse(run.output.contains("\tat "), "a stack trace: " + run.output);
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void demoThenSqlAnswersWithAllSixBenchmarksAndTheirScores() throws Exception {
    Launcher demo = Launcher.run(tmp, "demo");
    assertEquals(0, demo.code, demo.toString());
    assertTrue(demo.output.contains("== requests per benchmark"), demo.output);

    // The default warehouse is ./warehouse, relative to where bin/podium runs.
    Launcher sql = Launcher.run(tmp, "sql", "SELECT benchmark, count(*) AS n FROM requests GROUP BY benchmark"
        + " ORDER BY benchmark");
    assertEquals(0, sql.code, sql.toString());
    String table = sql.output.substring(sql.output.indexOf("+-"));
    assertEquals("""
        +-----------+----+
        | benchmark | n  |
        +-----------+----+
        | bbh       | 71 |
        | gpqa      | 32 |
        | ifeval    |  3 |
        | math_hard |  4 |
        | mmlu_pro  | 25 |
        | musr      | 10 |
        +-----------+----+
        6 rows
        """, table);

    // Every task of every built-in model is scored: 17 (subtask, metric) pairs each.
    assertTrue(demo.output.contains("task scores by benchmark"), demo.output);
    Launcher scores = Launcher.run(tmp, "sql", "SELECT model_key, count(*) AS task_metrics FROM task_scores"
        + " GROUP BY model_key ORDER BY model_key");
    assertEquals(0, scores.code, scores.toString());
    assertEquals("""
        +----------------------------------+--------------+
        | model_key                        | task_metrics |
        +----------------------------------+--------------+
        | podium/bigram-gpt@v1#float32     |           17 |
        | podium/sphinx-trigram@v1#float32 |           17 |
        | podium/tiny-gpt@v1#float32       |           17 |
        +----------------------------------+--------------+
        3 rows
        """, scores.output.substring(scores.output.indexOf("+-")));

    // ... and ends with the leaderboard of the three, and its page.
    assertTrue(demo.output.contains("took snapshot") && demo.output.contains("3 ranked, 0 listed apart"),
        demo.output);
    // Spark's own warehouse and metastore are not left where the user ran bin/podium.
    for (String left : List.of("spark-warehouse", "metastore_db", "derby.log")) {
      assertFalse(java.nio.file.Files.exists(tmp.resolve(left)), left + " was left in the working directory");
    }
    java.nio.file.Path page = tmp.resolve("podium-leaderboard.html");
    assertTrue(demo.output.contains("leaderboard page: " + page.toAbsolutePath()), demo.output);
    String html = java.nio.file.Files.readString(page);
    for (String model : List.of("podium/tiny-gpt", "podium/bigram-gpt", "podium/sphinx-trigram")) {
      assertTrue(html.contains(model), model);
    }

    // Many questions, one JVM: podium shell answers each statement as it arrives.
    Launcher.Running shell = Launcher.startWithInput(tmp, "shell");
    Pattern answered = Pattern.compile("^\\((\\d+) rows?, ([0-9.]+) s\\)$");
    shell.send("SELECT count(DISTINCT model_key) AS models FROM leaderboard;\n");
    List<String> first = shell.awaitLines(answered, 1, Duration.ofMinutes(3));
    shell.send("SELECT no_such_column FROM requests;\n");
    shell.awaitLine(Pattern.compile("^error: "), Duration.ofMinutes(1));
    shell.send("SELECT benchmark, count(*) AS n\nFROM requests -- a comment; not the end\nGROUP BY benchmark;\n");
    List<String> all = shell.awaitLines(answered, 2, Duration.ofMinutes(1));
    shell.send("quit\n");
    Launcher ended = shell.finish(Duration.ofMinutes(1));
    assertEquals(0, ended.code, ended.output);
    assertEquals("(1 row", first.get(0).substring(0, 6), first.toString());
    assertTrue(ended.output.contains("|      3 |"), ended.output); // three models on the board
    assertEquals("6", answeredRows(answered, all.get(1)), all.toString());
    assertEquals(1, ended.output.split("podium shell on ", -1).length - 1, "one session: " + ended.output);
    assertTrue(ended.output.contains("bye (1 statement(s) failed)"), ended.output);
    // The second question costs its query only, not a Spark start (40-90 s here).
    assertTrue(Double.parseDouble(answeredSeconds(answered, all.get(1))) < 20, all.toString());

    // Your own catalog: the DDL podium catalog prints registers the tables in another session.
    Launcher ddl = Launcher.run(tmp, "catalog", "--database", "mine");
    assertEquals(0, ddl.code, ddl.output);
    String statements = ddl.output.lines().filter(l -> l.startsWith("CREATE ") || l.startsWith("--"))
        .collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(statements.contains("CREATE TABLE IF NOT EXISTS `mine`.`leaderboard` USING delta LOCATION 'file:"
        + tmp.toRealPath().resolve("warehouse/leaderboard") + "';"), statements);
    Path script = tmp.resolve("catalog.sql");
    java.nio.file.Files.writeString(script, statements + "\nSELECT count(*) AS by_catalog FROM mine.leaderboard;\n"
        + "SELECT count(*) AS by_path FROM delta.`" + tmp.toRealPath().resolve("warehouse/leaderboard") + "`;\n");
    Launcher viaCatalog = Launcher.run(tmp, "sql", "-f", script.toString());
    assertEquals(0, viaCatalog.code, viaCatalog.output);
    List<String> counts = viaCatalog.output.lines().filter(l -> l.matches("\\|\\s+\\d+ \\|"))
        .map(l -> l.replaceAll("[|\\s]", "")).toList();
    assertEquals(2, counts.size(), viaCatalog.output);
    assertEquals(counts.get(0), counts.get(1), viaCatalog.output);
  }

  private static String answeredRows(Pattern answered, String line) {
    java.util.regex.Matcher m = answered.matcher(line);
    assertTrue(m.find(), line);
    return m.group(1);
  }

  private static String answeredSeconds(Pattern answered, String line) {
    java.util.regex.Matcher m = answered.matcher(line);
    assertTrue(m.find(), line);
    return m.group(2);
  }
}
