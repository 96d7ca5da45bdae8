package io.podium.sql;

import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.spark.SqlLiterals;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code podium catalog}: the DDL that registers a warehouse's tables in a catalog of the user's
 * own (a Hive metastore, a spark-sql session, Unity or Glue through Spark): one
 * {@code CREATE TABLE ... USING delta LOCATION} per table, which reads the schema from the Delta
 * log and copies nothing. Podium itself registers them in a session-only catalog.
 */
public final class CatalogCommand implements Command {

  /** User info in a URI ({@code s3a://KEY:SECRET@bucket}). */
  private static final Pattern CREDENTIALS = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/@]+@");

  @Override
  public String name() {
    return "catalog";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "print the CREATE TABLE ... LOCATION statements that put the tables in your own catalog (spark-sql, Hive)";
  }

  @Override
  public String usage() {
    return "[--database NAME]";
  }

  @Override
  public List<Option> options() {
    return List.of(Option.value("database", "NAME", "the database to create them in (default " + Tables.DATABASE + ")"));
  }

  @Override
  public void validate(ParsedArgs args) {
    String database = args.get("database", Tables.DATABASE);
    if (!database.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
      throw new UsageException("podium catalog: --database '" + database + "' is not a plain SQL name"
          + " (letters, digits and _, not starting with a digit)");
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    if (CREDENTIALS.matcher(context.warehouse().root()).find()) {
      throw new IllegalArgumentException("the --warehouse URI carries credentials, which the DDL would print; give"
          + " them as fs.s3a.access.key / fs.s3a.secret.key (--conf spark.hadoop....) instead");
    }
    SparkSession spark = context.spark(); // refuses a warehouse that is not there, brings an older one up to date
    PrintStream out = context.out();
    String database = args.get("database", Tables.DATABASE);
    out.println("-- The Podium tables of " + context.warehouse().root() + ", for spark-sql -f or any Spark session"
        + " with Delta Lake (io.delta:delta-spark_2.13:4.1.0).");
    out.println("CREATE DATABASE IF NOT EXISTS `" + database + "`;");
    for (Table table : Tables.ALL) {
      out.println("CREATE TABLE IF NOT EXISTS `" + database + "`.`" + table.name() + "` USING delta LOCATION "
          + SqlLiterals.string(qualified(spark, context.warehouse().location(table))) + ";");
    }
    return 0;
  }

  /** The location as any session resolves it: with its scheme, a local path made absolute (file:/...). */
  private static String qualified(SparkSession spark, String location) throws java.io.IOException {
    Path path = new Path(location);
    return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(path).toString();
  }
}
