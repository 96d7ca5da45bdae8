package io.podium.leaderboard.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An lm-evaluation-harness results file ({@code results_<date>.json}, written by
 * {@code lm_eval --output_path}): per task its metrics ({@code "acc_norm,none"},
 * {@code "acc_norm_stderr,none"}, ...), its document count ({@code n-samples}), and the run's
 * model ({@code model_name} or {@code config.model_args}: {@code pretrained=...,revision=...,
 * dtype=...}), chat template and wall time.
 *
 * @param file where it was read from
 * @param modelName e.g. org/name
 * @param revision the revision, or "main" when the run did not pin one
 * @param precision the dtype, or "unknown"
 * @param chatTemplate whether a chat template was applied
 * @param evaluationSeconds the run's wall time ({@code total_evaluation_time_seconds}), or null
 * @param date when the run happened, or null
 * @param metrics task -> metric (filter "none" dropped) -> value; stderr "N/A" becomes null
 * @param samples task -> documents evaluated ({@code n-samples.effective}: fewer under {@code --limit})
 * @param documents task -> documents the task has ({@code n-samples.original})
 */
record HarnessResults(Path file, String modelName, String revision, String precision, boolean chatTemplate,
    Double evaluationSeconds, Timestamp date, Map<String, Map<String, Double>> metrics, Map<String, Long> samples,
    Map<String, Long> documents) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static HarnessResults read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not a JSON file: " + e.getMessage(), e);
    }
    if (root == null || !root.path("results").isObject()) {
      throw new IOException(file + " has no \"results\" object; is it an lm-evaluation-harness results file?");
    }
    Map<String, String> modelArgs = modelArgs(root.path("config").path("model_args").asText(""));
    String model = root.path("model_name").asText("");
    if (model.isEmpty()) {
      model = modelArgs.getOrDefault("pretrained", modelArgs.getOrDefault("model", ""));
    }
    if (model.isEmpty()) {
      throw new IOException(file + " names no model: it needs \"model_name\" or config.model_args with pretrained=");
    }
    Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("results").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> task = it.next();
      Map<String, Double> values = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> m = task.getValue().fields(); m.hasNext(); ) {
        Map.Entry<String, JsonNode> metric = m.next();
        String name = metric.getKey();
        int comma = name.indexOf(',');
        if (comma < 0) {
          continue; // alias, name, sample_len, ...
        }
        if (!name.substring(comma + 1).equals("none")) {
          continue; // another filter than the leaderboard's
        }
        JsonNode v = metric.getValue();
        values.put(name.substring(0, comma), v.isNumber() ? v.asDouble() : null);
      }
      metrics.put(task.getKey(), values);
    }
    Map<String, Long> samples = new LinkedHashMap<>();
    Map<String, Long> documents = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("n-samples").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode original = e.getValue().get("original");
      JsonNode n = e.getValue().has("effective") ? e.getValue().get("effective") : original;
      if (n != null && n.canConvertToLong()) {
        samples.put(e.getKey(), n.asLong());
      }
      if (original != null && original.canConvertToLong()) {
        documents.put(e.getKey(), original.asLong());
      }
    }
    JsonNode time = root.path("total_evaluation_time_seconds");
    Double seconds = time.isNumber() ? Double.valueOf(time.asDouble()) : parse(time.asText(null));
    JsonNode date = root.path("date");
    Timestamp when = date.isNumber() ? new Timestamp((long) (date.asDouble() * 1000)) : null;
    JsonNode template = root.path("chat_template");
    return new HarnessResults(file, model, modelArgs.getOrDefault("revision", "main"),
        modelArgs.getOrDefault("dtype", "unknown"), !template.isMissingNode() && !template.isNull(), seconds, when,
        metrics, samples, documents);
  }

  /** {@code pretrained=org/name,revision=abc,dtype=bfloat16} as a map. */
  static Map<String, String> modelArgs(String args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : args.split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    return out;
  }

  private static Double parse(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  String modelKey() {
    return modelName + "@" + revision + "#" + precision;
  }
}
