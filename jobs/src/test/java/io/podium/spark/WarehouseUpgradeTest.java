package io.podium.spark;

import static io.podium.testing.Tables.content;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.tables.Tables;
import io.podium.testing.Cli;
import io.podium.testing.TestSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A warehouse written before the template column existed opens, upgraded in place. */
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
}
