package io.podium.spark;

import static io.podium.testing.Tables.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.conf.BenchmarkGroup;
import io.podium.tables.Table;
import io.podium.tables.Tables;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse written by an older Podium, or under another benchmark group, opens, upgraded in place. */
class WarehouseUpgradeTest {

  @TempDir
  Path tmp;

  @Test
  void anOlderRequestsTableGetsTheTemplateColumnFilledAndItsRowsKept() {
    String warehouse = tmp.resolve("warehouse").toString();
    // The requests table as Podium created it before chat templates: no template column, an older comment.
    StructType old = new StructType(Arrays.stream(Tables.REQUESTS.schema().fields())
        .filter(f -> !f.name().equals("template"))
        .map(f -> f.name().equals("context") ? f.withComment("the prompt") : f)
        .toArray(StructField[]::new));
    String path = "delta.`" + warehouse + "/requests`";
    TestSpark.get().sql("CREATE TABLE " + path + " (" + old.toDDL() + ") USING delta PARTITIONED BY (benchmark)");
    TestSpark.get().sql("INSERT INTO " + path + " VALUES ('r1', 'bbh', 'navigate', 'leaderboard_bbh_navigate', '0.0',"
        + " 0, 0, 'loglikelihood', 'Q: x', ' Yes', array(), NULL, 3, 'h1')");

    Cli run = Cli.in(warehouse, "sql", "SELECT request_id, template, context FROM requests", "--format", "csv");
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("r1,,"), run.out);
    assertEquals(List.of("r1,"), content("SELECT request_id, template FROM delta.`" + warehouse + "/requests`"
        + " WHERE template = ''"));
    List<String> columns = Arrays.asList(TestSpark.get().read().format("delta").load(warehouse + "/requests")
        .schema().fieldNames());
    assertEquals(Arrays.asList(Tables.REQUESTS.schema().fieldNames()), columns);
  }

  @Test
  void aBenchmarkTheGroupGainsAddsItsColumnsAndOneItLosesKeepsThem() {
    String root = tmp.resolve("grown").toString();
    Warehouse warehouse = Warehouse.at(root);
    String path = root + "/leaderboard";
    warehouse.open(TestSpark.get(), List.of(Tables.LEADERBOARD));
    TestSpark.get().sql("INSERT INTO delta.`" + path + "` (snapshot_id, snapshot_time, inputs, math_method, coverage,"
        + " model_key, model_id, revision, precision, ranked, bbh, source) VALUES ('s1', TIMESTAMP'2026-01-01 00:00:00',"
        + " '{}', 'leaderboard_fork', '{}', 'org/m@r#float16', 'org/m', 'r', 'float16', false, 41.5, 'podium')");
    assertEquals(Warehouse.schemaVersion(Tables.LEADERBOARD), Warehouse.recordedSchemaVersion(TestSpark.get(), path));

    // A seventh benchmark in the group: its four columns join the table after the sixth's, the
    // rows written before keep their values (null in the new columns), and the version moves.
    List<BenchmarkGroup.Member> members = new ArrayList<>(BenchmarkGroup.shipped().benchmarks());
    members.add(new BenchmarkGroup.Member("arc_challenge", "ARC-C"));
    Table seven = Tables.leaderboard(new BenchmarkGroup(members));
    warehouse.open(TestSpark.get(), List.of(seven));
    List<String> columns = Arrays.asList(TestSpark.get().read().format("delta").load(path).schema().fieldNames());
    assertEquals(Arrays.asList(seven.schema().fieldNames()), columns);
    assertEquals(columns.indexOf("mmlu_pro_high") + 1, columns.indexOf("arc_challenge_raw"));
    assertEquals(List.of("s1,41.5,null"), content("SELECT snapshot_id, bbh, arc_challenge FROM delta.`" + path + "`"));
    assertEquals(Warehouse.schemaVersion(seven), Warehouse.recordedSchemaVersion(TestSpark.get(), path));

    // The group without it again: no refusal; its columns stay, null in rows written since.
    warehouse.open(TestSpark.get(), List.of(Tables.LEADERBOARD));
    Row row = new GenericRowWithSchema(Arrays.stream(Tables.LEADERBOARD.schema().fields())
        .map(f -> switch (f.name()) {
          case "snapshot_id" -> "s2";
          case "snapshot_time" -> java.sql.Timestamp.valueOf("2026-01-02 00:00:00");
          case "ranked" -> Boolean.FALSE;
          case "bbh" -> 42.5;
          default -> f.dataType().equals(DataTypes.StringType) && !f.nullable() ? "x" : null;
        }).toArray(), Tables.LEADERBOARD.schema());
    TestSpark.get().createDataFrame(List.of(row), Tables.LEADERBOARD.schema()).write().format("delta").mode("append")
        .save(path);
    assertEquals(List.of("s1,41.5,null", "s2,42.5,null"),
        content("SELECT snapshot_id, bbh, arc_challenge FROM podium.leaderboard ORDER BY snapshot_id"));
  }
}
