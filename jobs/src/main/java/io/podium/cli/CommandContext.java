package io.podium.cli;

import io.podium.spark.PodiumSession;
import io.podium.spark.Warehouse;
import io.podium.udf.SqlFunctions;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * What a command runs against: where it prints, the warehouse, and a SparkSession that is
 * only started when a command asks for it (so {@code --help} stays instant).
 */
public final class CommandContext {

  private final CommandLine commandLine;
  private final String commandName;
  private final PrintStream out;
  private final PrintStream err;
  private final Warehouse warehouse;
  private SparkSession spark;

  CommandContext(CommandLine commandLine, String commandName, PrintStream out, PrintStream err, Warehouse warehouse) {
    this.commandLine = commandLine;
    this.commandName = commandName;
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

  /** The session, with the warehouse's tables created and registered. */
  public SparkSession spark() {
    if (spark == null) {
      spark = PodiumSession.getOrCreate("podium " + commandName);
      spark.sparkContext().setLogLevel("WARN");
      warehouse.open(spark);
      SqlFunctions.register(spark);
    }
    return spark;
  }
}
