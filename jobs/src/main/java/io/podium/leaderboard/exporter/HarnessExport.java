package io.podium.leaderboard.exporter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.python.PyFloat;
import io.podium.python.PyJson;
import io.podium.spark.SqlLiterals;
import io.podium.spark.Warehouse;
import io.podium.tables.Tables;
import io.podium.tasks.TaskDefinition;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Writes one model's results in lm-evaluation-harness's output layout, as
 * {@code lm_eval --output_path DIR --log_samples} does in the leaderboard's fork
 * ({@code lm_eval/loggers/evaluation_tracker.py}: {@code save_results_aggregated}, line 190, and
 * {@code save_results_samples}, line 271): {@code DIR/<model_name_sanitized>/results_<date>.json}
 * and, for each task with per-document scores, {@code samples_<task>_<date>.jsonl}. Harness
 * users' own tools read them, and {@code podium import-harness} reads the results file back into
 * the same board.
 *
 * <p>What the results file holds: {@code results} (per task {@code "<metric>,none"} and
 * {@code "<metric>_stderr,none"}, {@code "N/A"} where there is no stderr), {@code n-samples}
 * ({@code original}: the task's documents, {@code effective}: those scored), {@code config}
 * ({@code model_args} with {@code pretrained}, {@code revision}, {@code dtype}), {@code model_name},
 * {@code model_name_sanitized}, {@code chat_template}, {@code date} and
 * {@code total_evaluation_time_seconds} when known. Not written: the harness's task configs,
 * versions, n-shot and git hash, which describe its own run.
 */
public final class HarnessExport {

  /** What was written. */
  public record Exported(Path results, int tasks, List<Path> samples) {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINE = new ObjectMapper();
  private static final DateTimeFormatter DATE_ID = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSSSSS");

  private final SparkSession spark;
  private final Map<String, TaskDefinition> definitions;

  public HarnessExport(SparkSession spark, Map<String, TaskDefinition> definitions) {
    this.spark = spark;
    this.definitions = definitions;
  }

  public Exported run(String modelKey, Path outputPath) throws IOException {
    List<Row> scores = spark.sql("SELECT benchmark, subtask, task, metric, value, stderr, n, docs FROM "
        + Warehouse.qualified(Tables.TASK_SCORES) + " WHERE model_key = " + SqlLiterals.string(modelKey))
        .collectAsList();
    if (scores.isEmpty()) {
      List<String> known = spark.sql("SELECT DISTINCT model_key FROM " + Warehouse.qualified(Tables.TASK_SCORES)
          + " ORDER BY model_key LIMIT 10").collectAsList().stream().map(r -> r.getString(0)).toList();
      throw new IllegalArgumentException("model " + modelKey + " has no task scores in this warehouse; run podium"
          + " score --model '" + modelKey + "' first" + (known.isEmpty() ? "" : " (models with scores: "
          + String.join(", ", known) + ")"));
    }
    Model model = model(modelKey);
    ObjectNode root = JSON.createObjectNode();
    ObjectNode results = root.putObject("results");
    ObjectNode samples = root.putObject("n-samples");
    Map<String, Map<String, Row>> byTask = new LinkedHashMap<>();
    for (Row r : scores) {
      byTask.computeIfAbsent(r.getString(2), k -> new LinkedHashMap<>()).put(r.getString(3), r);
    }
    List<String> tasks = new ArrayList<>();
    for (TaskDefinition def : definitions.values()) { // the definitions' order, as the group lists them
      for (TaskDefinition.Subtask subtask : def.subtasks()) {
        Map<String, Row> metrics = byTask.get(subtask.task());
        if (metrics == null) {
          continue;
        }
        tasks.add(subtask.task());
        ObjectNode task = results.putObject(subtask.task());
        task.put("alias", subtask.task());
        Row any = null;
        for (String metric : def.metrics()) {
          Row r = metrics.get(metric);
          if (r == null) {
            continue;
          }
          any = r;
          task.put(metric + ",none", r.getDouble(4));
          if (r.isNullAt(5)) {
            task.put(metric + "_stderr,none", "N/A");
          } else {
            task.put(metric + "_stderr,none", r.getDouble(5));
          }
        }
        if (any != null) {
          long n = any.getLong(6);
          samples.putObject(subtask.task()).put("original", any.isNullAt(7) ? n : any.getLong(7)).put("effective", n);
        }
      }
    }
    ObjectNode config = root.putObject("config");
    config.put("model", "podium-" + model.backend);
    StringBuilder args = new StringBuilder("pretrained=" + model.id + ",revision=" + model.revision);
    if (!"unknown".equals(model.precision)) {
      args.append(",dtype=").append(model.precision);
    }
    config.put("model_args", args.toString());
    config.putNull("limit");
    root.put("model_name", model.id);
    String sanitized = model.id.replaceAll("[\"<>:/|\\\\?*\\[\\]]+", "__"); // sanitize_model_name, lm_eval/utils.py:169
    root.put("model_name_sanitized", sanitized);
    if (model.chatTemplate) {
      root.put("chat_template", model.template == null ? "" : model.template);
      if (model.template != null) {
        root.put("chat_template_sha", sha256(model.template));
      }
    } else {
      root.putNull("chat_template");
    }
    if (model.date != null) {
      root.put("date", model.date.getTime() / 1000.0);
    }
    if (model.seconds != null) {
      root.put("total_evaluation_time_seconds", Double.toString(model.seconds));
    }

    Path folder = Files.createDirectories(outputPath.resolve(sanitized));
    String dateId = LocalDateTime.now(ZoneOffset.UTC).format(DATE_ID);
    Path resultsFile = folder.resolve("results_" + dateId + ".json");
    Files.writeString(resultsFile, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    List<Path> written = new ArrayList<>();
    for (String task : tasks) {
      Path file = writeSamples(modelKey, task, folder.resolve("samples_" + task + "_" + dateId + ".jsonl"));
      if (file != null) {
        written.add(file);
      }
    }
    return new Exported(resultsFile, tasks.size(), written);
  }

  /**
   * One line per document, in doc_id order, with the fields {@code evaluator.py} logs (line 507):
   * doc_id, doc, target, arguments (as {@code save_results_samples} reshapes them), resps and
   * filtered_resps (as {@code sanitize_list}, {@code lm_eval/utils.py} line 84, makes them
   * strings: {@code str(float)}, {@code True}/{@code False}), doc_hash, prompt_hash,
   * target_hash, and each metric's value. Null when the model has no per-document scores for the
   * task (imported results).
   */
  private Path writeSamples(String modelKey, String task, Path file) throws IOException {
    String key = SqlLiterals.string(modelKey);
    String t = SqlLiterals.string(task);
    List<Row> docs = spark.sql("WITH s AS (SELECT benchmark, subtask, doc_id, map_from_entries(collect_list(struct(metric,"
        + " value))) AS metrics FROM " + Warehouse.qualified(Tables.SAMPLE_SCORES) + " WHERE model_key = " + key
        + " AND task = " + t + " GROUP BY benchmark, subtask, doc_id),"
        + " q AS (SELECT r.benchmark, r.subtask, r.doc_id, sort_array(collect_list(struct(r.request_index,"
        + " r.request_type, r.context, r.continuation, r.until, r.max_gen_toks, p.loglikelihood, p.is_greedy,"
        + " p.generated_text))) AS requests FROM " + Warehouse.qualified(Tables.PREDICTIONS) + " p JOIN "
        + Warehouse.qualified(Tables.REQUESTS) + " r ON p.request_id = r.request_id WHERE p.model_key = " + key
        + " AND r.task = " + t + " GROUP BY r.benchmark, r.subtask, r.doc_id)"
        + " SELECT s.doc_id, d.doc, d.target, q.requests, s.metrics FROM s JOIN q USING (benchmark, subtask, doc_id)"
        + " JOIN " + Warehouse.qualified(Tables.BENCHMARK_DOCS) + " d USING (benchmark, subtask, doc_id)"
        + " ORDER BY s.doc_id").collectAsList();
    if (docs.isEmpty()) {
      return null;
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Row d : docs) {
        w.write(LINE.writeValueAsString(sample(d)));
        w.write('\n');
      }
    }
    return file;
  }

  private static ObjectNode sample(Row d) throws JsonProcessingException {
    ObjectNode line = LINE.createObjectNode();
    line.put("doc_id", d.getInt(0));
    JsonNode doc = LINE.readTree(d.getString(1));
    line.set("doc", doc);
    String target = d.isNullAt(2) ? "None" : d.getString(2);
    line.put("target", target);
    ObjectNode arguments = line.putObject("arguments");
    ArrayNode resps = line.putArray("resps");
    ArrayNode filtered = line.putArray("filtered_resps");
    List<Row> requests = d.getList(3);
    for (int i = 0; i < requests.size(); i++) {
      Row r = requests.get(i);
      ObjectNode args = arguments.putObject("gen_args_" + i);
      args.put("arg_0", r.getString(2));
      if ("loglikelihood".equals(r.getString(1))) {
        args.put("arg_1", r.getString(3));
        ArrayNode pair = LINE.createArrayNode()
            .add(r.isNullAt(6) ? "None" : PyFloat.repr(r.getDouble(6)))
            .add(r.isNullAt(7) ? "None" : (r.getBoolean(7) ? "True" : "False"));
        resps.addArray().add(pair);
        filtered.add(pair.deepCopy());
      } else {
        ObjectNode kwargs = args.putObject("arg_1");
        ArrayNode until = kwargs.putArray("until");
        for (Object stop : r.getList(4)) {
          until.add((String) stop);
        }
        if (!r.isNullAt(5)) {
          kwargs.put("max_gen_toks", r.getInt(5));
        }
        String text = r.isNullAt(8) ? "" : r.getString(8);
        resps.addArray().add(text);
        filtered.add(text);
      }
    }
    // evaluator.py:516-525: sha256 of json.dumps(doc, indent=2, ensure_ascii=False), of the first
    // request's context, of str(target)
    line.put("doc_hash", sha256(PyJson.dumps(LINE.convertValue(doc, Object.class), 2, null, null, false, false)));
    line.put("prompt_hash", sha256(requests.get(0).getString(2)));
    line.put("target_hash", sha256(target));
    Map<String, Double> metrics = d.getJavaMap(4);
    for (Map.Entry<String, Double> m : new java.util.TreeMap<>(metrics).entrySet()) {
      line.put(m.getKey(), m.getValue());
    }
    return line;
  }

  /** What the tables say of the model: its submission row, else what its key says. */
  private record Model(String id, String revision, String precision, String backend, boolean chatTemplate,
      String template, Timestamp date, Double seconds) {}

  private Model model(String modelKey) {
    List<Row> sub = spark.sql("SELECT model_id, revision, precision, backend, chat_template, submitted_at,"
        + " evaluation_seconds FROM " + Warehouse.qualified(Tables.SUBMISSIONS) + " WHERE model_key = "
        + SqlLiterals.string(modelKey)).collectAsList();
    List<Row> template = spark.sql("SELECT max(p.template), sum(p.latency_ms) / 1000 FROM "
        + Warehouse.qualified(Tables.PREDICTIONS) + " p WHERE p.model_key = " + SqlLiterals.string(modelKey))
        .collectAsList();
    String sha = template.isEmpty() || template.get(0).isNullAt(0) ? "" : template.get(0).getString(0);
    Double predictionSeconds = template.isEmpty() || template.get(0).isNullAt(1) ? null : template.get(0).getDouble(1);
    String text = sha.isEmpty() ? null : templateText(sha);
    if (!sub.isEmpty()) {
      Row s = sub.get(0);
      boolean chat = s.isNullAt(4) ? !sha.isEmpty() : s.getBoolean(4);
      return new Model(s.getString(0), s.getString(1), s.getString(2), s.isNullAt(3) ? "podium" : s.getString(3),
          chat, text, s.getTimestamp(5), s.isNullAt(6) ? predictionSeconds : Double.valueOf(s.getDouble(6)));
    }
    int at = modelKey.lastIndexOf('@');
    int hash = modelKey.lastIndexOf('#');
    if (at < 0 || hash < at) {
      return new Model(modelKey, "main", "unknown", "podium", !sha.isEmpty(), text, null, predictionSeconds);
    }
    return new Model(modelKey.substring(0, at), modelKey.substring(at + 1, hash), modelKey.substring(hash + 1),
        "podium", !sha.isEmpty(), text, null, predictionSeconds);
  }

  private String templateText(String sha) {
    List<Row> rows = spark.sql("SELECT get_json_object(tokenizer_config, '$.chat_template') FROM "
        + Warehouse.qualified(Tables.CHAT_TEMPLATES) + " WHERE template = " + SqlLiterals.string(sha)).collectAsList();
    return rows.isEmpty() || rows.get(0).isNullAt(0) ? null : rows.get(0).getString(0);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
