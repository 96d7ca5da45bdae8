package io.podium.spark;

import java.util.Collection;
import java.util.stream.Collectors;

/** Values written into Spark SQL text, escaped as Spark's parser reads string literals. */
public final class SqlLiterals {

  private SqlLiterals() {}

  /** {@code 'value'} with backslashes and quotes escaped, or {@code NULL}. */
  public static String string(String value) {
    if (value == null) {
      return "NULL";
    }
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /** {@code 'a', 'b', ...}: the inside of an {@code IN (...)} list. */
  public static String list(Collection<String> values) {
    return values.stream().map(SqlLiterals::string).collect(Collectors.joining(", "));
  }
}
