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
    String view = "podium_merge_" + table.name() + "_" + UUID.randomUUID().toString().replace("-", "");
    source.createOrReplaceTempView(view);
    String merge = "MERGE INTO " + Warehouse.qualified(table) + " t USING " + view + " s ON " + table.keyJoinCondition()
        + " WHEN MATCHED AND (" + changed + ") THEN UPDATE SET *"
        + " WHEN NOT MATCHED THEN INSERT *"
        + (deleteScope == null ? "" : " WHEN NOT MATCHED BY SOURCE AND (" + deleteScope + ") THEN DELETE");
    try {
      CommitRetry.logged(spark).run("the MERGE into " + table.name(), () -> spark.sql(merge));
    } finally {
      spark.catalog().dropTempView(view);
    }
  }
}
