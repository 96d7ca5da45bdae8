package io.podium.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every Podium command runs in. Spark properties come from the
 * properties file given to spark-submit ({@code conf/spark/*.conf}); the only settings made
 * here are the two Delta needs to work at all, and only when the properties do not set them.
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
    return builder.getOrCreate();
  }
}
