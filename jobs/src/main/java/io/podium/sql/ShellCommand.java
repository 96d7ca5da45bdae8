package io.podium.sql;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.tables.Tables;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code podium shell}: one Spark session, many questions. Reads SQL statements (ended by
 * {@code ;}) from standard input and answers each as {@code podium sql} would, on the Podium
 * tables, until {@code quit} or the end of input; a failing statement prints one line and the
 * shell goes on. Spark starts once, so every answer after the first costs only its query.
 */
public final class ShellCommand implements Command {

  @Override
  public String name() {
    return "shell";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "an interactive SQL shell over the Podium tables: Spark starts once for many questions";
  }

  @Override
  public String usage() {
    return "[--format table|csv|json] [--max-rows N] [--max-width N]   (statements on standard input, end each with ;)";
  }

  @Override
  public List<Option> options() {
    return SqlCommand.OUTPUT_OPTIONS;
  }

  @Override
  public void validate(ParsedArgs args) {
    SqlCommand.format(args);
    args.getInt("max-rows", 1000);
    args.getInt("max-width", 80);
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    PrintStream out = context.out();
    PrintStream err = context.err();
    boolean interactive = System.console() != null;
    SqlRunner runner = new SqlRunner(context.spark(), SqlCommand.format(args), args.getInt("max-rows", 1000),
        args.getInt("max-width", 80));
    err.println("podium shell on " + context.warehouse().root() + " (database " + Tables.DATABASE + ": "
        + String.join(", ", Tables.ALL.stream().map(t -> t.name()).toList()) + "); end statements with ;"
        + ", quit to leave");
    StatementScanner scanner = new StatementScanner();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    int failed = 0;
    while (true) {
      if (interactive) {
        err.print(scanner.pending() ? "    -> " : "podium> ");
        err.flush();
      }
      String line = in.readLine();
      if (line == null) {
        String rest = scanner.rest();
        if (rest != null) {
          failed += answer(runner, rest, out, err);
        }
        break;
      }
      String word = line.strip().toLowerCase(Locale.ROOT);
      if (!scanner.pending() && (word.equals("quit") || word.equals("exit") || word.equals("\\q"))) {
        break;
      }
      for (String statement : scanner.feed(line + "\n")) {
        failed += answer(runner, statement, out, err);
      }
    }
    err.println("bye (" + failed + " statement(s) failed)");
    return 0;
  }

  /** Answers one statement; a failure is one line on standard error. Returns 1 if it failed. */
  private static int answer(SqlRunner runner, String statement, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    try {
      int rows = runner.run(statement, out, err);
      err.printf(Locale.ROOT, "(%d row%s, %.2f s)%n", rows, rows == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (Exception e) { // Spark's AnalysisException is checked, though not declared
      err.println("error: " + firstLine(e));
      if (System.getenv("PODIUM_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    } finally {
      out.flush();
    }
  }

  /** The first line of the error's message: Spark's analysis errors go on with the statement and a caret. */
  private static String firstLine(Exception e) {
    String message = e.getMessage() != null ? e.getMessage() : e.toString();
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
