package io.podium.sql;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code podium sql}: runs Spark SQL with every Podium table registered by name in the
 * {@code podium} database (so {@code SELECT * FROM requests VERSION AS OF 3} works).
 */
public final class SqlCommand implements Command {

  /** How results are printed: shared with {@code podium shell}. */
  static final List<Option> OUTPUT_OPTIONS = List.of(
      Option.value("format", "table|csv|json", "output format (default table)"),
      Option.value("max-rows", "N", "print at most N rows of a result (default 1000)"),
      Option.value("max-width", "N", "table format: cut cells to N characters (default 80)"));

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "run Spark SQL over the Podium tables (Delta time travel: VERSION AS OF / TIMESTAMP AS OF)";
  }

  @Override
  public String usage() {
    return "\"STATEMENT\" | -f FILE.sql  [--format table|csv|json] [--max-rows N] [--max-width N]";
  }

  @Override
  public List<Option> options() {
    List<Option> options = new ArrayList<>();
    options.add(Option.value("file", "FILE", "run the statements of a file, separated by ';' (also -f FILE)"));
    options.addAll(OUTPUT_OPTIONS);
    return options;
  }

  @Override
  public void validate(ParsedArgs args) {
    statementFile(args);
    format(args);
    args.getInt("max-rows", 1000);
    args.getInt("max-width", 80);
  }

  /** The file of statements (--file or -f FILE), or null when one statement is given inline. */
  private static String statementFile(ParsedArgs args) {
    List<String> positionals = args.positionals();
    String file = args.get("file");
    if (positionals.size() >= 2 && positionals.get(0).equals("-f")) {
      file = positionals.get(1);
      positionals = positionals.subList(2, positionals.size());
    }
    if (file != null) {
      if (!positionals.isEmpty()) {
        throw new UsageException("podium sql: give a statement or -f FILE, not both");
      }
    } else if (positionals.size() != 1) {
      throw new UsageException("podium sql: give one statement in quotes, or -f FILE.sql");
    }
    return file;
  }

  static ResultFormat format(ParsedArgs args) {
    try {
      return ResultFormat.of(args.get("format", "table"));
    } catch (IllegalArgumentException e) {
      throw new UsageException("podium sql: " + e.getMessage());
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    String file = statementFile(args);
    List<String> statements = file != null
        ? splitStatements(Files.readString(Path.of(file), StandardCharsets.UTF_8))
        : splitStatements(args.positionals().get(0));
    ResultFormat format = format(args);
    int maxRows = args.getInt("max-rows", 1000);
    int maxWidth = args.getInt("max-width", 80);

    SqlRunner runner = new SqlRunner(context.spark(), format, maxRows, maxWidth);
    for (String statement : statements) {
      runner.run(statement, context.out(), context.err());
    }
    return 0;
  }

  /** Splits a script at semicolons outside quotes and comments. */
  static List<String> splitStatements(String script) {
    StatementScanner scanner = new StatementScanner();
    List<String> out = new ArrayList<>(scanner.feed(script));
    String rest = scanner.rest();
    if (rest != null) {
      out.add(rest);
    }
    return out;
  }
}
