package io.podium.rapids;

import ai.rapids.cudf.ColumnVector;
import ai.rapids.cudf.HostColumnVector;

/** A cuDF column's values on the JVM heap, nulls as Java nulls. */
final class HostColumns {

  private HostColumns() {}

  static String[] strings(ColumnVector column, int rows) {
    String[] out = new String[rows];
    try (HostColumnVector host = column.copyToHost()) {
      for (int row = 0; row < rows; row++) {
        out[row] = host.isNull(row) ? null : host.getJavaString(row);
      }
    }
    return out;
  }

  static Integer[] ints(ColumnVector column, int rows) {
    Integer[] out = new Integer[rows];
    try (HostColumnVector host = column.copyToHost()) {
      for (int row = 0; row < rows; row++) {
        out[row] = host.isNull(row) ? null : host.getInt(row);
      }
    }
    return out;
  }
}
