package io.podium.sql;

import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one SQL statement and prints its result: what {@code podium sql} and {@code podium shell}
 * share.
 *
 * @param format how results are printed
 * @param maxRows the most rows printed of one result
 * @param maxWidth for tables, the widest a cell is shown
 */
public record SqlRunner(SparkSession spark, ResultFormat format, int maxRows, int maxWidth) {

  /** Runs the statement and prints its rows; returns how many were printed. */
  public int run(String statement, PrintStream out, PrintStream err) {
    Dataset<Row> result = spark.sql(statement);
    List<Row> rows = result.limit(maxRows + 1).collectAsList();
    boolean more = rows.size() > maxRows;
    if (more) {
      rows = rows.subList(0, maxRows);
    }
    if (result.schema().fields().length > 0 || format == ResultFormat.TABLE) {
      format.print(result.schema(), rows, out, maxWidth);
    }
    if (more) {
      err.println("(showing the first " + maxRows + " rows; --max-rows to see more)");
    }
    return rows.size();
  }
}
