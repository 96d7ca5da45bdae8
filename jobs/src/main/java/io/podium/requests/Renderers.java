package io.podium.requests;

import static org.apache.spark.sql.functions.col;

import io.podium.spark.Warehouse;
import io.podium.tables.Json;
import io.podium.tables.Tables;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The prompt renderers of the ingested subtasks, built again from the warehouse: the task
 * definitions, and the few-shot examples ingest stored in {@code fewshot_docs} for tasks that
 * read them from a dataset split. A subtask whose few-shot split was never ingested has no
 * renderer (and is named in {@link #missing()}).
 */
public final class Renderers {

  private final Map<String, PromptRenderer> renderers = new LinkedHashMap<>();
  private final List<String> missing = new ArrayList<>();

  private Renderers() {}

  /** @param benchmarks the benchmarks to render (empty: every ingested one) */
  public static Renderers fromWarehouse(SparkSession spark, Map<String, TaskDefinition> definitions,
      List<String> benchmarks) {
    Renderers out = new Renderers();
    Dataset<Row> subtasks = spark.table(Warehouse.qualified(Tables.BENCHMARK_DOCS))
        .select("benchmark", "subtask").distinct().orderBy("benchmark", "subtask");
    if (!benchmarks.isEmpty()) {
      subtasks = subtasks.where(col("benchmark").isin(benchmarks.toArray()));
    }
    Map<String, List<Map<String, Object>>> fewshot = new LinkedHashMap<>();
    for (Row r : spark.table(Warehouse.qualified(Tables.FEWSHOT_DOCS))
        .orderBy("benchmark", "subtask", "fewshot_index").collectAsList()) {
      fewshot.computeIfAbsent(key(r.getAs("benchmark"), r.getAs("subtask")), k -> new ArrayList<>())
          .add(parse(r.getAs("doc")));
    }
    for (Row r : subtasks.collectAsList()) {
      String benchmark = r.getString(0);
      String subtask = r.getString(1);
      TaskDefinition def = definitions.get(benchmark);
      TaskDefinition.Subtask sub = def == null ? null : def.subtask(subtask);
      if (sub == null) {
        continue;
      }
      List<Map<String, Object>> shots;
      if (def.numFewshot() == 0) {
        shots = List.of();
      } else if (def.fewshotSamples() != null) {
        shots = def.fewshotSamples();
      } else {
        shots = fewshot.get(key(benchmark, subtask));
      }
      if (shots == null || shots.size() < def.numFewshot()) {
        out.missing.add(key(benchmark, subtask));
        continue;
      }
      out.renderers.put(key(benchmark, subtask), new PromptRenderer(def, sub, shots));
    }
    return out;
  }

  /** Renderers by {@link RequestWriter#key(String, String)}. */
  public Map<String, PromptRenderer> renderers() {
    return renderers;
  }

  /** Subtasks that cannot be rendered: their few-shot split was not ingested. */
  public List<String> missing() {
    return missing;
  }

  private static String key(String benchmark, String subtask) {
    return RequestWriter.key(benchmark, subtask);
  }

  private static Map<String, Object> parse(String json) {
    try {
      return Json.parseObject(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("fewshot_docs holds invalid JSON: " + e.getMessage(), e);
    }
  }
}
