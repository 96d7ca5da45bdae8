package io.podium.cli;

import io.podium.spark.PodiumSession;
import io.podium.spark.Warehouse;
import io.podium.udf.SqlFunctions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a command runs against: where it prints, the warehouse, and a SparkSession that is
 * only started when a command asks for it (so {@code --help} stays instant).
 */
public final class CommandContext {

  private final CommandLine commandLine;
  private final Command command;
  private final PrintStream out;
  private final PrintStream err;
  private final Warehouse warehouse;
  private SparkSession spark;

  CommandContext(CommandLine commandLine, Command command, PrintStream out, PrintStream err, Warehouse warehouse) {
    this.commandLine = commandLine;
    this.command = command;
    this.out = out;
    this.err = err;
    this.warehouse = warehouse;
  }

  public PrintStream out() {
    return out;
  }

  /** Where messages that are not results go (progress, hints). */
  public PrintStream err() {
    return err;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  /**
   * Runs another command of the same command line in this JVM, printing where this one prints; a
   * pipeline's steps run this way, on the same session. Returns its exit code.
   */
  public int run(List<String> commandLine) {
    return this.commandLine.run(commandLine.toArray(String[]::new), out, err);
  }

  /**
   * The session, with the warehouse's tables created and registered; for a command that
   * {@linkplain Command#onlyReads only reads}, a warehouse with no tables is refused and left as
   * it is.
   */
  public SparkSession spark() {
    if (spark == null) {
      SparkSession session = PodiumSession.getOrCreate("podium " + command.name());
      session.sparkContext().setLogLevel("WARN");
      if (command.onlyReads() && !exists(session)) {
        throw new IllegalArgumentException("no Podium warehouse at " + warehouse.root() + " (none of its tables is"
            + " there); give the --warehouse of one, or create it with podium ingest --source DIR (or podium demo)");
      }
      warehouse.open(session);
      SqlFunctions.register(session);
      spark = session;
    }
    return spark;
  }

  private boolean exists(SparkSession session) {
    try {
      return warehouse.exists(session.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the warehouse at " + warehouse.root() + ": " + e.getMessage(), e);
    }
  }
}
