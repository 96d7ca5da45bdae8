package io.podium.requests;

import io.podium.tables.Json;
import io.podium.tables.Keys;
import io.podium.spark.SparkValues;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.RenderedRequest;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.chat.ChatTemplate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Spark task side of rendering: turns {@code benchmark_docs} rows into {@code requests} rows
 * with the broadcast renderers, one per (benchmark, subtask), either plain or through one chat
 * template. A templated request's id includes the template's sha1, so the same document has
 * one request per prompt format.
 */
final class RequestRows implements FlatMapFunction<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<Map<String, PromptRenderer>> renderers;
  private final Map<String, String> versions;
  private final ChatTemplate template;

  /** @param template the chat template, or null for plain prompts */
  RequestRows(Broadcast<Map<String, PromptRenderer>> renderers, Map<String, String> versions, ChatTemplate template) {
    this.renderers = renderers;
    this.versions = versions;
    this.template = template;
  }

  static String key(String benchmark, String subtask) {
    return benchmark + "/" + subtask;
  }

  /** The template column of a request: the template's sha1, or '' for plain prompts. */
  static String templateId(ChatTemplate template) {
    return template == null ? "" : template.sha1();
  }

  @Override
  public Iterator<Row> call(Row doc) throws java.io.IOException {
    String benchmark = doc.getAs("benchmark");
    String subtask = doc.getAs("subtask");
    PromptRenderer renderer = renderers.value().get(key(benchmark, subtask));
    if (renderer == null) {
      return List.<Row>of().iterator();
    }
    TaskDefinition.Subtask sub = renderer.subtask();
    String version = versions.get(benchmark);
    String templateId = templateId(template);
    int docId = doc.<Integer>getAs("doc_id");
    int shard = doc.<Integer>getAs("shard");
    List<Row> rows = new ArrayList<>();
    for (RenderedRequest r : renderer.requests(Json.parseObject(doc.getAs("doc")), template)) {
      String hash = Keys.sha256(r.requestType(), r.context(), String.valueOf(r.continuation()),
          String.join("\u0000", r.until()), String.valueOf(r.maxGenToks()));
      rows.add(RowFactory.create(
          Keys.requestId(benchmark, subtask, docId, r.index(), version, templateId),
          benchmark, subtask, sub.task(), version, templateId, docId, r.index(), r.requestType(),
          r.context(), r.continuation(), SparkValues.seq(r.until()), r.maxGenToks(), shard, hash));
    }
    return rows.iterator();
  }
}
