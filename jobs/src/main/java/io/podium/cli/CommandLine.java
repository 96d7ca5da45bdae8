package io.podium.cli;

import io.podium.spark.Warehouse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and dispatches {@code podium <command> [options]} over a given list of commands. It
 * knows the command abstraction only; which commands exist is decided above it
 * ({@code io.podium.app.Podium}).
 */
public final class CommandLine {

  /** Options every command takes. */
  public static final List<Option> COMMON_OPTIONS = List.of(
      Option.value("warehouse", "DIR|s3a://BUCKET/PREFIX", "root of the Delta tables (default ./warehouse)"),
      Option.flag("dry-run", "check the arguments and exit (0 when valid, 2 when not) without starting Spark"),
      Option.flag("help", "show this help"));

  public static final String DEFAULT_WAREHOUSE = "warehouse";

  /** The system property naming the log file that bin/podium's logging writes (conf/log4j2.properties). */
  public static final String LOG_FILE = "podium.log.file";

  private final Map<String, Command> commands = new LinkedHashMap<>();

  public CommandLine(List<Command> commands) {
    for (Command c : commands) {
      if (this.commands.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two commands are named " + c.name());
      }
    }
  }

  /**
   * Runs one command line; returns the exit code (0 ok, 1 failed, 2 usage error). With
   * {@code --dry-run} it parses and validates the arguments ({@link Command#validate}) and returns
   * 0 without running the command: no SparkSession, no input read, nothing written.
   */
  public int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      printHelp(out);
      return args.length == 0 ? 2 : 0;
    }
    Command command = commands.get(args[0]);
    if (command == null) {
      err.println("podium: unknown command '" + args[0] + "'; commands: " + String.join(", ", commands.keySet()));
      return 2;
    }
    List<Option> options = new ArrayList<>(COMMON_OPTIONS);
    options.addAll(command.options());
    try {
      ParsedArgs parsed = ParsedArgs.parse(command.name(), options, Arrays.asList(args).subList(1, args.length));
      if (parsed.has("help")) {
        printCommandHelp(command, out);
        return 0;
      }
      // The same check before a run and for a dry run: what --dry-run accepts, a run accepts.
      command.validate(parsed);
      if (parsed.has("dry-run")) {
        out.println("dry run: podium " + command.name() + " arguments are valid");
        return 0;
      }
      Warehouse warehouse = Warehouse.at(parsed.get("warehouse", DEFAULT_WAREHOUSE));
      return command.run(parsed, new CommandContext(this, command, out, err, warehouse));
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("podium " + command.name() + " failed: " + oneLine(rootMessage(e)) + details(e));
      if (System.getenv("PODIUM_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return 1;
    }
  }

  /** A message as one line: its line breaks and the spaces around them become one space; at most 2,000 characters. */
  static String oneLine(String message) {
    String line = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
    return line.length() > 2000 ? line.substring(0, 2000) + " ..." : line;
  }

  /**
   * Where Spark's own account of a failure is, when Spark failed: its log lines go to the log
   * file (bin/podium's {@code podium.log.file}), not the console, unless PODIUM_DEBUG is set.
   */
  static String details(Throwable e) {
    String file = System.getProperty(LOG_FILE);
    if (file == null || System.getenv("PODIUM_DEBUG") != null) {
      return "";
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getClass().getName().startsWith("org.apache.spark.")) {
        return " (Spark's log of it: " + file + "; PODIUM_DEBUG=1 shows it here)";
      }
    }
    return "";
  }

  static String rootMessage(Throwable e) {
    String message = e.getMessage();
    return message != null ? message : e.toString();
  }

  private void printHelp(PrintStream out) {
    out.println("usage: podium <command> [options]   (podium <command> --help for its options)");
    out.println();
    out.println("commands:");
    int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
    for (Command c : commands.values()) {
      out.printf("  %-" + width + "s  %s%n", c.name(), c.summary());
    }
    out.println();
    out.println("bin/podium also takes spark-submit's --master URL, --conf KEY=VALUE and --properties-file FILE.");
  }

  static void printCommandHelp(Command command, PrintStream out) {
    out.println("usage: podium " + command.name() + " " + command.usage());
    out.println();
    out.println(command.summary());
    out.println();
    out.println("options:");
    List<Option> all = new ArrayList<>(command.options());
    all.addAll(COMMON_OPTIONS);
    int width = all.stream().mapToInt(o -> optionColumn(o).length()).max().orElse(0);
    for (Option o : all) {
      out.printf("  %-" + width + "s  %s%s%n", optionColumn(o), o.help(), o.repeatable() ? " (repeatable)" : "");
    }
  }

  /** An option as its help's first column shows it: {@code --name VALUE}. */
  private static String optionColumn(Option o) {
    return "--" + o.name() + (o.takesValue() ? " " + o.valueName() : "");
  }
}
