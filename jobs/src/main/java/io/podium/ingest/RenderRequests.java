package io.podium.ingest;

import io.podium.tasks.PromptRenderer;
import io.podium.tasks.RenderedRequest;
import io.podium.tasks.TaskDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import io.podium.spark.SparkValues;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task side of ingest: renders the requests of {@code benchmark_docs} rows into
 * {@code requests} rows with the broadcast renderers, one per (benchmark, subtask).
 */
final class RenderRequests implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<Map<String, PromptRenderer>> renderers;
  private final Map<String, String> versions;

  RenderRequests(Broadcast<Map<String, PromptRenderer>> renderers, Map<String, String> versions) {
    this.renderers = renderers;
    this.versions = versions;
  }

  static String key(String benchmark, String subtask) {
    return benchmark + "/" + subtask;
  }

  @Override
  public Iterator<Row> call(Row doc) throws Exception {
    String benchmark = doc.getAs("benchmark");
    String subtask = doc.getAs("subtask");
    PromptRenderer renderer = renderers.value().get(key(benchmark, subtask));
    if (renderer == null) {
      return List.<Row>of().iterator();
    }
    TaskDefinition.Subtask sub = renderer.subtask();
    String version = versions.get(benchmark);
    int docId = doc.<Integer>getAs("doc_id");
    int shard = doc.<Integer>getAs("shard");
    List<Row> rows = new ArrayList<>();
    for (RenderedRequest r : renderer.requests(Json.parseObject(doc.getAs("doc")))) {
      String hash = Keys.sha256(r.requestType(), r.context(), String.valueOf(r.continuation()),
          String.join("\u0000", r.until()), String.valueOf(r.maxGenToks()));
      rows.add(RowFactory.create(
          Keys.requestId(benchmark, subtask, docId, r.index(), version),
          benchmark, subtask, sub.task(), version, docId, r.index(), r.requestType(),
          r.context(), r.continuation(), SparkValues.seq(r.until()), r.maxGenToks(), shard, hash));
    }
    return rows.iterator();
  }
}
