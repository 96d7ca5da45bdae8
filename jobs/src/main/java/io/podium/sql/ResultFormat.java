package io.podium.sql;

import io.podium.tables.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Prints query results as an aligned table, CSV (RFC 4180) or JSON lines. */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON;

  public static ResultFormat of(String name) {
    for (ResultFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (table, csv, json)");
  }

  /**
   * @param maxWidth for tables, the widest a cell is shown (longer values end in "...")
   */
  public void print(StructType schema, List<Row> rows, PrintStream out, int maxWidth) {
    switch (this) {
      case TABLE -> printTable(schema, rows, out, maxWidth);
      case CSV -> printCsv(schema, rows, out);
      case JSON -> printJson(schema, rows, out);
    }
  }

  private static void printTable(StructType schema, List<Row> rows, PrintStream out, int maxWidth) {
    StructField[] fields = schema.fields();
    List<String[]> cells = new ArrayList<>();
    int[] widths = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      widths[i] = fields[i].name().length();
    }
    for (Row row : rows) {
      String[] line = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        String v = cell(row.get(i)).replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (v.length() > maxWidth) {
          v = v.substring(0, Math.max(0, maxWidth - 3)) + "...";
        }
        line[i] = v;
        widths[i] = Math.max(widths[i], v.length());
      }
      cells.add(line);
    }
    StringBuilder rule = new StringBuilder("+");
    for (int w : widths) {
      rule.append("-".repeat(w + 2)).append('+');
    }
    out.println(rule);
    out.println(line(names(fields), widths, fields, true));
    out.println(rule);
    for (String[] line : cells) {
      out.println(line(line, widths, fields, false));
    }
    out.println(rule);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
  }

  private static String[] names(StructField[] fields) {
    String[] names = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      names[i] = fields[i].name();
    }
    return names;
  }

  private static String line(String[] values, int[] widths, StructField[] fields, boolean header) {
    StringBuilder sb = new StringBuilder("|");
    for (int i = 0; i < values.length; i++) {
      boolean numeric = !header && fields[i].dataType() instanceof org.apache.spark.sql.types.NumericType;
      String pad = " ".repeat(widths[i] - values[i].length());
      sb.append(' ').append(numeric ? pad + values[i] : values[i] + pad).append(" |");
    }
    return sb.toString();
  }

  private static String cell(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof scala.collection.Seq<?> || value instanceof Row || value instanceof scala.collection.Map<?, ?>) {
      return Json.write(plain(value));
    }
    return String.valueOf(value);
  }

  private static void printCsv(StructType schema, List<Row> rows, PrintStream out) {
    List<String> header = new ArrayList<>();
    for (StructField f : schema.fields()) {
      header.add(csvQuote(f.name()));
    }
    out.print(String.join(",", header) + "\r\n");
    for (Row row : rows) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        values.add(row.isNullAt(i) ? "" : csvQuote(cell(row.get(i))));
      }
      out.print(String.join(",", values) + "\r\n");
    }
  }

  private static String csvQuote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static void printJson(StructType schema, List<Row> rows, PrintStream out) {
    for (Row row : rows) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (int i = 0; i < schema.fields().length; i++) {
        object.put(schema.fields()[i].name(), plain(row.get(i)));
      }
      out.println(Json.write(object));
    }
  }

  /** A Spark value as plain Java (lists, maps, strings, numbers) for JSON. */
  private static Object plain(Object value) {
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> list = new ArrayList<>();
      seq.foreach(v -> list.add(plain(v)));
      return list;
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> m = new LinkedHashMap<>();
      map.foreach(t -> m.put(String.valueOf(t._1()), plain(t._2())));
      return m;
    }
    if (value instanceof Row row) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < row.length(); i++) {
        m.put(row.schema().fields()[i].name(), plain(row.get(i)));
      }
      return m;
    }
    if (value instanceof java.sql.Timestamp || value instanceof java.time.temporal.Temporal
        || value instanceof java.sql.Date || value instanceof java.math.BigDecimal) {
      return value.toString();
    }
    return value;
  }
}
