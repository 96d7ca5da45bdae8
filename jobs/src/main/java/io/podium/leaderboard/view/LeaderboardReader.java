package io.podium.leaderboard.view;

import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/** Reads the {@code leaderboard} table: the list of its snapshots, and one snapshot's rows. */
public final class LeaderboardReader {

  private final SparkSession spark;

  public LeaderboardReader(SparkSession spark) {
    this.spark = spark;
  }

  private Dataset<Row> table() {
    return spark.table(Warehouse.qualified(Tables.LEADERBOARD));
  }

  /**
   * Every snapshot, oldest first: in sequence-number order (commit order), after those taken
   * before sequence numbers were kept, which are in time order. The table is append-only; should
   * an older snapshot have been appended twice (before ids covered the parent), it counts from
   * its first time.
   */
  public List<SnapshotInfo> snapshots() {
    List<Row> rows = table().groupBy("snapshot_id")
        .agg(functions.min("snapshot_time").as("time"),
            functions.min_by(functions.col("inputs"), functions.col("snapshot_time")).as("inputs"),
            functions.min_by(functions.col("math_method"), functions.col("snapshot_time")).as("math_method"),
            functions.min_by(functions.col("coverage"), functions.col("snapshot_time")).as("coverage"),
            functions.countDistinct(functions.col("model_key")).as("models"),
            functions.max("sequence_number").as("sequence"))
        .orderBy(functions.col("sequence").asc_nulls_first(), functions.col("time"), functions.col("snapshot_id"))
        .collectAsList();
    List<SnapshotInfo> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new SnapshotInfo(r.getString(0), instant(r.get(1)), r.getString(2), r.getString(3), r.getString(4),
          r.getLong(5)));
    }
    return out;
  }

  /** The snapshot's rows (those appended at its first time). */
  public Snapshot load(SnapshotInfo info) {
    List<Row> rows = table()
        .where(functions.col("snapshot_id").equalTo(info.id())
            .and(functions.col("snapshot_time").equalTo(functions.lit(Timestamp.from(info.time())))))
        .collectAsList();
    Map<String, Entry> byModel = new LinkedHashMap<>();
    for (Row row : rows) {
      Entry e = entry(row);
      byModel.putIfAbsent(e.modelKey(), e);
    }
    return new Snapshot(info, new ArrayList<>(byModel.values()));
  }

  /**
   * Each of {@code snapshots}' rows (those appended at its first time), with only the columns
   * named: what a model's history across snapshots needs, without every score of every row.
   */
  public Map<SnapshotInfo, List<Entry>> rows(List<SnapshotInfo> snapshots, List<String> columns) {
    Map<String, SnapshotInfo> byId = new LinkedHashMap<>();
    snapshots.forEach(s -> byId.put(s.id(), s));
    Map<SnapshotInfo, List<Entry>> out = new LinkedHashMap<>();
    snapshots.forEach(s -> out.put(s, new ArrayList<>()));
    List<String> selected = new ArrayList<>(List.of("snapshot_id", "snapshot_time", "model_key"));
    columns.stream().filter(c -> !selected.contains(c)).forEach(selected::add);
    for (Row row : table().selectExpr(selected.stream().map(c -> "`" + c + "`").toArray(String[]::new))
        .collectAsList()) {
      SnapshotInfo info = byId.get(row.getString(0));
      if (info != null && info.time().equals(instant(row.get(1)))) {
        out.get(info).add(entry(row));
      }
    }
    return out;
  }

  static Entry entry(Row row) {
    Map<String, Object> values = new LinkedHashMap<>();
    StructField[] fields = row.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      Object v = row.get(i);
      values.put(fields[i].name(), v instanceof Timestamp || v instanceof Instant ? instant(v) : v);
    }
    return new Entry(values);
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    return (Instant) value;
  }
}
