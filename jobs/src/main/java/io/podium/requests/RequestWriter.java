package io.podium.requests;

import io.podium.spark.DeltaMerge;
import io.podium.spark.SqlLiterals;
import io.podium.tables.Tables;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.chat.ChatTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the requests of one prompt format (plain, or one chat template) for a set of
 * subtasks: renders the documents in Spark tasks and merges them into {@code requests} in one
 * commit. Only rows whose text changed are rewritten; rows of that format and those subtasks
 * that the documents no longer produce are deleted; other formats' rows are left alone.
 */
public final class RequestWriter {

  private final SparkSession spark;
  private final Map<String, String> versions = new LinkedHashMap<>();

  public RequestWriter(SparkSession spark, Map<String, TaskDefinition> definitions) {
    this.spark = spark;
    definitions.forEach((name, def) -> versions.put(name, def.version()));
  }

  /**
   * @param docs {@code benchmark_docs} rows (at least benchmark, subtask, doc_id, doc, shard)
   * @param renderers by {@link #key(String, String)}; documents of other subtasks are skipped
   * @param template the chat template, or null for plain prompts
   */
  public void write(Dataset<Row> docs, Map<String, PromptRenderer> renderers, ChatTemplate template) {
    if (renderers.isEmpty()) {
      return;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, PromptRenderer>> broadcast = jsc.broadcast(new LinkedHashMap<>(renderers));
    Dataset<Row> rows = docs
        .flatMap(new RequestRows(broadcast, versions, template), Encoders.row(Tables.REQUESTS.schema()))
        .persist();
    try {
      DeltaMerge.upsert(spark, Tables.REQUESTS, rows, "t.request_hash <> s.request_hash OR t.shard <> s.shard",
          "t.template = " + SqlLiterals.string(RequestRows.templateId(template))
              + " AND concat(t.benchmark, '/', t.subtask) IN (" + SqlLiterals.list(renderers.keySet()) + ")");
    } finally {
      rows.unpersist();
      broadcast.destroy();
    }
  }

  /** The key of a subtask's renderer. */
  public static String key(String benchmark, String subtask) {
    return RequestRows.key(benchmark, subtask);
  }
}
