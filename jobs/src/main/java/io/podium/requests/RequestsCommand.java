package io.podium.requests;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.JsonGenerator;
import io.podium.cli.Command;
import io.podium.cli.CommandContext;
import io.podium.cli.Option;
import io.podium.cli.ParsedArgs;
import io.podium.cli.UsageException;
import io.podium.conf.PodiumConf;
import io.podium.spark.Warehouse;
import io.podium.tables.Json;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import io.podium.tasks.chat.ChatTemplate;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@code podium requests}: the requests a model would be sent, without a model run, read from
 * the warehouse. Plain prompts by default; with {@code --chat-template tokenizer_config.json}
 * the documents are rendered through that template first (and kept in {@code requests}, as an
 * evaluate run of a model with that template would keep them).
 */
public final class RequestsCommand implements Command {

  private static final List<String> FORMATS = List.of("jsonl", "json");

  @Override
  public String name() {
    return "requests";
  }

  @Override
  public boolean onlyReads() {
    return true;
  }

  @Override
  public String summary() {
    return "print the requests a model would get (plain, or through a chat template), one record per request";
  }

  @Override
  public String usage() {
    return "[--chat-template PATH/tokenizer_config.json] [--benchmarks LIST] [--format jsonl|json] [--out FILE]";
  }

  @Override
  public List<Option> options() {
    return List.of(
        Option.value("chat-template", "FILE", "a model's tokenizer_config.json: render the prompts through its"
            + " chat_template, as the leaderboard ran chat models (--apply_chat_template --fewshot_as_multiturn)"),
        Option.repeated("benchmarks", "LIST", "comma-separated benchmarks (default: all ingested)"),
        Option.value("format", "jsonl|json", "one JSON object per line (default), or one JSON array"),
        Option.value("out", "FILE", "write to FILE instead of standard output"));
  }

  @Override
  public void validate(ParsedArgs args) {
    String format = args.get("format", "jsonl");
    if (!FORMATS.contains(format)) {
      throw new UsageException("--format must be jsonl or json, got " + format);
    }
  }

  @Override
  public int run(ParsedArgs args, CommandContext context) throws Exception {
    Map<String, TaskDefinition> definitions = PodiumConf.benchmarks();
    List<String> benchmarks = args.getList("benchmarks");
    String templateId = "";
    if (args.get("chat-template") != null) {
      ChatTemplate template = ModelTemplates.read(args.get("chat-template"),
          context.spark().sparkContext().hadoopConfiguration());
      templateId = template.sha1();
      Renderers renderers = Renderers.fromWarehouse(context.spark(), definitions, benchmarks);
      new ChatTemplates(context.spark()).register(template);
      new RequestWriter(context.spark(), definitions).write(
          context.spark().table(Warehouse.qualified(Tables.BENCHMARK_DOCS)), renderers.renderers(), template);
      context.err().println("rendered through chat template " + template.source() + " (sha1 " + templateId + ")"
          + (renderers.missing().isEmpty() ? "" : "; not rendered (few-shot examples not in fewshot_docs; run ingest again): "
              + String.join(", ", renderers.missing())));
    }
    Dataset<Row> requests = context.spark().table(Warehouse.qualified(Tables.REQUESTS))
        .where(col("template").equalTo(templateId));
    if (!benchmarks.isEmpty()) {
      requests = requests.where(col("benchmark").isin(benchmarks.toArray()));
    }
    requests = requests.select("template", "benchmark", "subtask", "doc_id", "request_index", "request_type",
        "context", "continuation", "until", "max_gen_toks").orderBy("benchmark", "subtask", "doc_id", "request_index");
    boolean array = args.get("format", "jsonl").equals("json");
    String out = args.get("out");
    long n;
    try (OutputStream stream = out == null ? new NonClosing(context.out()) : Files.newOutputStream(Path.of(out));
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8))) {
      n = write(requests.toLocalIterator(), writer, array);
    }
    if (out != null) {
      context.err().println(n + " requests written to " + out);
    }
    return 0;
  }

  private static long write(Iterator<Row> rows, Writer writer, boolean array) throws java.io.IOException {
    long n = 0;
    if (array) {
      writer.write("[");
    }
    while (rows.hasNext()) {
      Row r = rows.next();
      if (array && n > 0) {
        writer.write(",");
      }
      writer.write(array ? "\n" : "");
      JsonGenerator g = Json.MAPPER.getFactory().createGenerator(writer);
      g.writeStartObject();
      g.writeStringField("template", r.getString(0));
      g.writeStringField("benchmark", r.getString(1));
      g.writeStringField("subtask", r.getString(2));
      g.writeNumberField("doc_id", r.getInt(3));
      g.writeNumberField("request_index", r.getInt(4));
      g.writeStringField("request_type", r.getString(5));
      g.writeStringField("context", r.getString(6));
      g.writeStringField("continuation", r.getString(7));
      g.writeArrayFieldStart("until");
      for (Object stop : r.getList(8)) {
        g.writeString((String) stop);
      }
      g.writeEndArray();
      if (r.isNullAt(9)) {
        g.writeNullField("max_gen_toks");
      } else {
        g.writeNumberField("max_gen_toks", r.getInt(9));
      }
      g.writeEndObject();
      g.flush();
      if (!array) {
        writer.write("\n");
      }
      n++;
    }
    if (array) {
      writer.write(n > 0 ? "\n]\n" : "]\n");
    }
    return n;
  }

  /** Standard output stays open when the writer around it closes. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void close() throws java.io.IOException {
      flush();
    }
  }
}
