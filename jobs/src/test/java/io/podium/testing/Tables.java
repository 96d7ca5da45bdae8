package io.podium.testing;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/** Small queries tests make against the warehouse. */
public final class Tables {

  private Tables() {}

  public static long count(String sql) {
    return TestSpark.get().sql(sql).first().getLong(0);
  }

  /** All rows of a query, as sorted strings: a table's content, comparable across runs. */
  public static List<String> content(String sql) {
    SparkSession spark = TestSpark.get();
    return spark.sql(sql).collectAsList().stream().map(r -> r.mkString(",")).sorted().collect(Collectors.toList());
  }
}
