package io.podium.cli;

import io.podium.spark.PodiumSession;
import io.podium.spark.Warehouse;
import io.podium.udf.SqlFunctions;
import java.io.PrintStream;
import org.apache.spark.sql.SparkSession;

/**
 * What a command runs against: where it prints, the warehouse, and a SparkSession that is
 * only started when a command asks for it (so {@code --help} stays instant).
 */
public final class CommandContext {

  private final String commandName;
  private final PrintStream out;
  private final PrintStream err;
  private final Warehouse warehouse;
  private SparkSession spark;

  public CommandContext(String commandName, PrintStream out, PrintStream err, Warehouse warehouse) {
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
