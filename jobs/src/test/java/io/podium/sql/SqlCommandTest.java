package io.podium.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.PodiumConf;
import io.podium.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** podium sql over a real warehouse: names, formats, files, Delta time travel, errors. */
class SqlCommandTest {

  @TempDir
  static Path tmp;
  static String warehouse;

  @BeforeAll
  static void ingest() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("wh").toString();
    Cli first = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--benchmarks", "musr");
    assertEquals(0, first.code, first.toString());
    Cli second = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--benchmarks", "ifeval");
    assertEquals(0, second.code, second.toString());
  }

  private static Cli sql(String... args) {
    return Cli.in(warehouse, "sql", args);
  }

  @Test
  void everyTableIsQueryableByName() {
    Cli run = sql("--format", "csv", "SELECT (SELECT count(*) FROM benchmark_docs) AS docs,"
        + " (SELECT count(*) FROM requests) AS requests, (SELECT count(*) FROM ingest_rejects) AS rejects");
    assertEquals(0, run.code, run.toString());
    assertEquals("docs,requests,rejects\r\n8,13,0\r\n", run.out);
  }

  @Test
  void timeTravelSeesEarlierVersions() {
    // version 0: created empty; 1: MuSR merged; 2: IFEval merged
    Cli run = sql("--format", "json", "SELECT (SELECT count(*) FROM requests VERSION AS OF 1) AS v1,"
        + " (SELECT count(*) FROM requests VERSION AS OF 2) AS v2");
    assertEquals(0, run.code, run.toString());
    assertEquals("{\"v1\":10,\"v2\":13}\n", run.out);
  }

  @Test
  void aFileOfStatementsRunsInOrderAndTablesAreReadable() throws Exception {
    Path file = tmp.resolve("q.sql");
    Files.writeString(file, "-- two statements; a ';' inside quotes is no separator\n"
        + "SELECT 'a;b' AS s;\n"
        + "SELECT subtask, count(*) AS n FROM requests WHERE benchmark = 'musr' GROUP BY subtask ORDER BY subtask;\n");
    Cli run = sql("-f", file.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.startsWith("+-----+\n| s   |\n+-----+\n| a;b |\n+-----+\n1 row\n"), run.out);
    assertTrue(run.out.contains("| murder_mysteries  | 4 |\n| object_placements | 4 |\n| team_allocation   | 2 |\n"),
        run.out);
  }

  @Test
  void readCommandsOnNoWarehouseSaySoInOneLineAndCreateNothing() throws Exception {
    Path missing = tmp.resolve("no-such-warehouse");
    Path empty = Files.createDirectories(tmp.resolve("empty-folder"));
    for (Path where : List.of(missing, empty)) {
      for (List<String> command : List.of(List.of("sql", "SELECT count(*) FROM requests"), List.of("leaderboard"),
          List.of("submissions"))) {
        Cli run = Cli.in(where.toString(), command.get(0), command.subList(1, command.size()).toArray(String[]::new));
        assertEquals(1, run.code, run.toString());
        assertEquals("podium " + command.get(0) + " failed: no Podium warehouse at " + where.toUri().toString()
            .replaceAll("/$", "") + " (none of its tables is there); give the --warehouse of one, or create it with"
            + " podium ingest --source DIR (or podium demo)\n", run.err, run.toString());
      }
    }
    assertFalse(Files.exists(missing), "a read command created the warehouse folder");
    try (var left = Files.list(empty)) {
      assertEquals(List.of(), left.toList(), "a read command wrote into the folder");
    }
    // and the warehouse that exists still answers after the refusals
    assertEquals(0, sql("SELECT 1").code);
  }

  @Test
  void badInputSaysWhatIsWrong() {
    Cli unknown = sql("SELECT * FROM no_such_table");
    assertEquals(1, unknown.code);
    assertTrue(unknown.err.contains("no_such_table"), unknown.err);
    Cli format = sql("--format", "xml", "SELECT 1");
    assertEquals(2, format.code);
    assertTrue(format.err.contains("unknown format 'xml' (table, csv, json)"), format.err);
    Cli none = sql();
    assertEquals(2, none.code);
    assertTrue(none.err.contains("give one statement in quotes, or -f FILE.sql"), none.err);
  }

  @Test
  void splitsStatementsOutsideQuotesAndComments() {
    assertEquals(List.of("SELECT ';'", "SELECT 2"), SqlCommand.splitStatements("SELECT ';'; -- x;y\nSELECT 2;"));
  }
}
