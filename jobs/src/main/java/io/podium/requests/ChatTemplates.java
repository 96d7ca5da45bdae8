package io.podium.requests;

import io.podium.spark.DeltaMerge;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import io.podium.tasks.chat.ChatTemplate;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** The {@code chat_templates} table: the templates that requests are rendered through. */
public final class ChatTemplates {

  private final SparkSession spark;

  public ChatTemplates(SparkSession spark) {
    this.spark = spark;
  }

  /** Records a template (once: a template already known keeps its first source and time). */
  public void register(ChatTemplate template) {
    Row row = RowFactory.create(template.sha1(), template.source(), template.toTokenizerConfig(),
        new Timestamp(System.currentTimeMillis()));
    DeltaMerge.upsert(spark, Tables.CHAT_TEMPLATES,
        spark.createDataFrame(List.of(row), Tables.CHAT_TEMPLATES.schema()), "false", null);
  }

  /** Every registered template, in registration order. */
  public List<ChatTemplate> all() {
    List<ChatTemplate> templates = new ArrayList<>();
    for (Row r : spark.table(Warehouse.qualified(Tables.CHAT_TEMPLATES))
        .orderBy("registered_at", "template").collectAsList()) {
      templates.add(ChatTemplate.fromTokenizerConfig(r.getAs("tokenizer_config"), r.getAs("source")));
    }
    return templates;
  }
}
