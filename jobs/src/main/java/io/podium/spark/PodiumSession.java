package io.podium.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every Podium command runs in. Spark properties come from the
 * properties file given to spark-submit ({@code conf/spark/*.conf}); the only settings made
 * here are the two Delta needs to work at all, and Spark's own warehouse folder, each only when
 * the properties do not set it.
 *
 * <p>Spark's warehouse ({@code spark.sql.warehouse.dir}) is where the session catalog keeps its
 * databases and managed tables; Podium's tables are external ones under {@code --warehouse}. With
 * the in-memory catalog nothing in it outlives the JVM, so it is a temporary folder deleted at
 * exit rather than Spark's default, a {@code spark-warehouse/} left in the working directory.
 */
public final class PodiumSession {

  static final String DELTA_EXTENSION = "io.delta.sql.DeltaSparkSessionExtension";
  static final String DELTA_CATALOG = "org.apache.spark.sql.delta.catalog.DeltaCatalog";

  private PodiumSession() {}

  public static SparkSession getOrCreate(String appName) {
    scala.Option<SparkSession> existing = SparkSession.getActiveSession();
    if (existing.isEmpty()) {
      existing = SparkSession.getDefaultSession();
    }
    if (existing.isDefined()) {
      return existing.get(); // embedded use (tests, notebooks): the caller's session
    }
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder.master("local[*]");
    }
    if (!conf.contains("spark.sql.extensions")) {
      builder.config("spark.sql.extensions", DELTA_EXTENSION);
    }
    if (!conf.contains("spark.sql.catalog.spark_catalog")) {
      builder.config("spark.sql.catalog.spark_catalog", DELTA_CATALOG);
    }
    if (!conf.contains(SQL_WAREHOUSE_DIR)) {
      builder.config(SQL_WAREHOUSE_DIR, temporarySqlWarehouse().toUri().toString());
    }
    return builder.getOrCreate();
  }

  static final String SQL_WAREHOUSE_DIR = "spark.sql.warehouse.dir";

  /** A new temporary folder, deleted with everything in it when the JVM exits. */
  private static Path temporarySqlWarehouse() {
    try {
      Path dir = Files.createTempDirectory("podium-spark-sql-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder for " + SQL_WAREHOUSE_DIR
          + " (set it in the Spark properties, or TMPDIR): " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // at exit, nothing to tell: the folder is under the system's temporary directory
    }
  }
}
