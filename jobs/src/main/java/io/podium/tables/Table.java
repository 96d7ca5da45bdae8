package io.podium.tables;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Podium Delta table: its name, explicit schema, key and partitioning. Every table is
 * declared once, in {@link Tables}; jobs refer to these constants, never to names or columns
 * spelled out elsewhere.
 *
 * @param name table name, also the folder under the warehouse root
 * @param schema the full schema, with column comments
 * @param key the columns that identify a row; writers keep them unique
 * @param partitionBy partition columns (may be empty)
 */
public record Table(String name, StructType schema, List<String> key, List<String> partitionBy) {

  /** Column metadata key: the value an added column takes in rows written before it existed. */
  public static final String FILL = "podium.fill";

  public Table {
    for (String column : key) {
      schema.apply(column); // fails fast on a typo
    }
    for (String column : partitionBy) {
      schema.apply(column);
    }
    key = List.copyOf(key);
    partitionBy = List.copyOf(partitionBy);
  }

  /** The column list of a CREATE TABLE statement, with comments. */
  public String ddlColumns() {
    return schema.toDDL();
  }

  /** The columns in schema order, as quoted identifiers. */
  public String columnList() {
    return java.util.Arrays.stream(schema.fields())
        .map(StructField::name)
        .map(n -> "`" + n + "`")
        .collect(Collectors.joining(", "));
  }

  /** A SQL condition joining target {@code t} and source {@code s} on the key. */
  public String keyJoinCondition() {
    return key.stream().map(c -> "t.`" + c + "` = s.`" + c + "`").collect(Collectors.joining(" AND "));
  }

  /**
   * A row of this table from its values by column name; every column must be named (null for
   * none), and no other, so a column added to the schema cannot be forgotten by a writer.
   */
  public Row row(Map<String, ?> values) {
    StructField[] fields = schema.fields();
    Object[] out = new Object[fields.length];
    Set<String> unknown = new HashSet<>(values.keySet());
    for (int i = 0; i < fields.length; i++) {
      if (!values.containsKey(fields[i].name())) {
        throw new IllegalStateException("a row of " + name + " lacks column " + fields[i].name());
      }
      out[i] = values.get(fields[i].name());
      unknown.remove(fields[i].name());
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("a row of " + name + " names columns it does not have: " + unknown);
    }
    return RowFactory.create(out);
  }
}
