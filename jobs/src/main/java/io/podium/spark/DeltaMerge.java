package io.podium.spark;

import io.podium.tables.Table;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one way Podium's jobs write a table from a computed source: a single atomic Delta MERGE on
 * the table's key that inserts new rows, rewrites only rows whose content changed, and (when a
 * scope is given) deletes the rows of that scope the source no longer has. Unchanged input
 * therefore changes no row. A MERGE that lost a race with a concurrent writer is run again
 * ({@link CommitRetry}): keyed, it can neither duplicate nor drop a row.
 */
public final class DeltaMerge {

  private DeltaMerge() {}

  /**
   * @param changed SQL condition on target {@code t} and source {@code s}: the row must be rewritten
   * @param deleteScope SQL condition on {@code t} of the rows this source owns, or null to delete nothing
   */
  public static void upsert(SparkSession spark, Table table, Dataset<Row> source, String changed,
      String deleteScope) {
    upsert(spark, table, source, changed, deleteScope, null, CommitRetry.logged(spark), "the MERGE into " + table.name());
  }

  /**
   * The same MERGE, within a part of the table and retried by the given policy.
   *
   * @param targetScope SQL condition on {@code t} that every source row's target meets (e.g. a
   *     literal partition value), so that the MERGE reads and conflicts only within it; null for
   *     the whole table
   * @param retry how a lost race is retried (and said)
   * @param what what the commit is, for the retry's messages
   */
  public static void upsert(SparkSession spark, Table table, Dataset<Row> source, String changed,
      String deleteScope, String targetScope, CommitRetry retry, String what) {
    String view = "podium_merge_" + table.name() + "_" + UUID.randomUUID().toString().replace("-", "");
    source.createOrReplaceTempView(view);
    String merge = "MERGE INTO " + Warehouse.qualified(table) + " t USING " + view + " s ON "
        + (targetScope == null ? "" : targetScope + " AND ") + table.keyJoinCondition()
        + " WHEN MATCHED AND (" + changed + ") THEN UPDATE SET *"
        + " WHEN NOT MATCHED THEN INSERT *"
        + (deleteScope == null ? "" : " WHEN NOT MATCHED BY SOURCE AND (" + deleteScope + ") THEN DELETE");
    try {
      retry.run(what, () -> spark.sql(merge));
    } finally {
      spark.catalog().dropTempView(view);
    }
  }
}
