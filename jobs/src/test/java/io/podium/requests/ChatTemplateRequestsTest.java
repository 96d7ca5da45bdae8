package io.podium.requests;

import static io.podium.testing.Tables.content;
import static io.podium.testing.Tables.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.conf.PodiumConf;
import io.podium.tables.Json;
import io.podium.tasks.chat.ChatTemplate;
import io.podium.testing.Cli;
import io.podium.testing.ForkReference;
import io.podium.testing.TestSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests through chat templates on a real warehouse (the bundled samples): {@code podium
 * requests}, a chat model evaluated and scored on its template's requests, and the refusals.
 */
class ChatTemplateRequestsTest {

  @TempDir
  static Path tmp;
  static String warehouse;
  static Path llama3;
  static ChatTemplate llama3Template;

  @BeforeAll
  static void ingestSamples() throws Exception {
    Path samples = tmp.resolve("samples");
    PodiumConf.copySamples(samples);
    warehouse = tmp.resolve("warehouse").toString();
    Cli run = Cli.run("ingest", "--source", samples.toString(), "--warehouse", warehouse, "--shards", "4");
    assertEquals(0, run.code, run.toString());
    llama3 = ForkReference.templateFile("Meta-Llama-3-8B-Instruct");
    llama3Template = ChatTemplate.fromTokenizerConfig(Files.readString(llama3), llama3.toString());
  }

  static String table(String name) {
    return "delta.`" + warehouse + "/" + name + "`";
  }

  private static List<JsonNode> requests(String... args) throws Exception {
    Path out = tmp.resolve("requests-" + System.nanoTime() + ".jsonl");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--out", out.toString()));
    Cli run = Cli.in(warehouse, "requests", all.toArray(String[]::new));
    assertEquals(0, run.code, run.toString());
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out)) {
      records.add(Json.MAPPER.readTree(line));
    }
    return records;
  }

  @Test
  void requestsPrintsPlainPromptsAndTheSameThroughATemplateKeptInTheTable() throws Exception {
    List<JsonNode> plain = requests("--benchmarks", "bbh");
    assertEquals(71, plain.size());
    JsonNode first = plain.get(0);
    assertEquals("", first.get("template").asText());
    assertEquals(List.of("template", "benchmark", "subtask", "doc_id", "request_index", "request_type", "context",
        "continuation", "until", "max_gen_toks"), fieldNames(first));
    assertTrue(first.get("context").asText().startsWith("Evaluate the result of a random Boolean expression.Q: "));
    assertEquals(" False", first.get("continuation").asText());

    List<JsonNode> chat = requests("--benchmarks", "bbh", "--chat-template", llama3.toString());
    assertEquals(71, chat.size());
    assertTrue(chat.stream().allMatch(r -> r.get("template").asText().equals(llama3Template.sha1())));
    assertTrue(chat.get(0).get("context").asText().startsWith("<|begin_of_text|><|start_header_id|>system"
        + "<|end_header_id|>\n\nEvaluate the result of a random Boolean expression.<|eot_id|>"));
    assertTrue(chat.get(0).get("context").asText().endsWith("<|start_header_id|>assistant<|end_header_id|>\n\n"));
    // Under a chat template the choice follows the generation prompt without the target delimiter.
    assertEquals("False", chat.get(0).get("continuation").asText());

    // The same records are in the requests table, next to the plain ones, and the template is registered.
    assertEquals(71, count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark = 'bbh' AND template = '"
        + llama3Template.sha1() + "'"));
    assertEquals(71, count("SELECT count(*) FROM " + table("requests") + " WHERE benchmark = 'bbh' AND template = ''"));
    assertEquals(List.of(llama3Template.sha1()), content("SELECT template FROM " + table("chat_templates")));
    // Rendering again rewrites nothing.
    long version = history().agg(functions.max("version")).first().getLong(0);
    List<JsonNode> again = requests("--benchmarks", "bbh", "--chat-template", llama3.toString());
    assertEquals(chat, again);
    assertEquals(0, history().where(functions.col("version").gt(version))
        .where("int(operationMetrics['numTargetRowsUpdated']) + int(operationMetrics['numTargetRowsInserted'])"
            + " + int(operationMetrics['numTargetRowsDeleted']) > 0").count());
  }

  /** BBH is checked on ../shared/data (SharedDataIngestTest): the bundled cot-prompts are Podium's own. */
  @Test
  void theWarehousesRenderersAgreeWithTheForkOnTheBundledSubtasks() throws Exception {
    Cli.in(warehouse, "sql", "SELECT 1");
    // each plain and through five templates
    assertEquals(2 * 6, ForkReference.check("math_hard")); // algebra and geometry
    assertEquals(6, ForkReference.check("gpqa"));
    assertEquals(6, ForkReference.check("musr"));
    assertEquals(6, ForkReference.check("ifeval"));
  }

  @Test
  void aChatModelIsEvaluatedAndScoredOnItsTemplatesRequestsAndReplacesItsPlainAnswers() throws Exception {
    Path plainModel = tmp.resolve("plain.yaml");
    Files.writeString(plainModel, "model_id: podium/bigram-chat\nrevision: v1\nbackend: builtin\nuri: bigram-gpt\n");
    Cli plain = Cli.in(warehouse, "evaluate", "--model", plainModel.toString(), "--benchmarks", "bbh");
    assertEquals(0, plain.code, plain.toString());

    Path chatModel = tmp.resolve("chat.yaml");
    Files.writeString(chatModel, "model_id: podium/bigram-chat\nrevision: v1\nbackend: builtin\nuri: bigram-gpt\n"
        + "chat_template: true\nchat_template_file: " + llama3 + "\n");
    Cli chat = Cli.in(warehouse, "evaluate", "--model", chatModel.toString(), "--benchmarks", "bbh");
    assertEquals(0, chat.code, chat.toString());
    assertTrue(chat.out.contains("71 predictions of podium/bigram-chat@v1#float32 were made with another prompt"
        + " format"), chat.out);
    assertEquals(List.of(llama3Template.sha1() + ",71"), content("SELECT template, count(*) FROM "
        + table("predictions") + " WHERE model_key = 'podium/bigram-chat@v1#float32' GROUP BY template"));

    Cli score = Cli.in(warehouse, "score", "--model", "podium/bigram-chat@v1#float32", "--benchmarks", "bbh");
    assertEquals(0, score.code, score.toString());
    assertEquals(List.of("boolean_expressions,4", "navigate,3", "object_counting,3"), content(
        "SELECT subtask, count(*) FROM " + table("sample_scores") + " WHERE model_key = 'podium/bigram-chat@v1#float32'"
            + " AND metric = 'acc_norm' GROUP BY subtask ORDER BY subtask"));
    // acc_norm divides by the choice's length: under the template a choice has no leading space.
    String details = content("SELECT details FROM " + table("sample_scores") + " WHERE model_key ="
        + " 'podium/bigram-chat@v1#float32' AND subtask = 'navigate' AND doc_id = 0").get(0);
    assertFalse(details.isEmpty());
    assertEquals(3, count("SELECT count(*) FROM " + table("task_scores") + " WHERE model_key ="
        + " 'podium/bigram-chat@v1#float32' AND metric = 'acc_norm'"));

    Cli snapshot = Cli.in(warehouse, "snapshot");
    assertEquals(0, snapshot.code, snapshot.toString());
    List<String> flag = content("SELECT chat_template FROM " + table("leaderboard")
        + " WHERE model_key = 'podium/bigram-chat@v1#float32'");
    assertTrue(flag.isEmpty() || flag.stream().allMatch("true"::equals), flag.toString());
  }

  @Test
  void aTemplateThatRaisesEndsTheRunNamingTheModelAndTheTemplate() throws Exception {
    Path config = tmp.resolve("raising_tokenizer_config.json");
    Files.writeString(config, "{\"chat_template\": \"{{ raise_exception('Podium test: no prompts today') }}\","
        + " \"bos_token\": \"<s>\"}");
    Path model = tmp.resolve("raising.yaml");
    Files.writeString(model, "model_id: podium/raising\nrevision: v1\nbackend: builtin\nuri: bigram-gpt\n"
        + "chat_template: true\nchat_template_file: " + config + "\n");
    Cli run = Cli.in(warehouse, "evaluate", "--model", model.toString(), "--benchmarks", "gpqa");
    assertEquals(1, run.code, run.toString());
    assertTrue(run.err.contains("podium/raising@v1#float32"), run.err);
    assertTrue(run.err.contains("raised: Podium test: no prompts today"), run.err);
    assertTrue(run.err.contains(config.toString()), run.err);
    assertEquals(0, count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key = 'podium/raising@v1#float32'"));
  }

  @Test
  void aModelAskingForATemplateItDoesNotHaveIsRefusedBeforeAnythingRuns() throws Exception {
    Path model = tmp.resolve("no-template.yaml");
    Files.writeString(model, "model_id: podium/no-template\nrevision: v1\nbackend: builtin\nuri: bigram-gpt\n"
        + "chat_template: true\n");
    Cli run = Cli.in(warehouse, "evaluate", "--model", model.toString());
    assertEquals(1, run.code, run.toString());
    assertTrue(run.err.contains("model podium/no-template@v1#float32 asks for its chat template"), run.err);
    assertTrue(run.err.contains("chat_template_file"), run.err);

    Path missing = tmp.resolve("missing-file.yaml");
    Files.writeString(missing, "model_id: podium/no-template\nrevision: v1\nbackend: builtin\nuri: bigram-gpt\n"
        + "chat_template: true\nchat_template_file: " + tmp.resolve("nowhere/tokenizer_config.json") + "\n");
    Cli run2 = Cli.in(warehouse, "evaluate", "--model", missing.toString());
    assertEquals(1, run2.code, run2.toString());
    assertTrue(run2.err.contains("nowhere/tokenizer_config.json does not exist"), run2.err);
    assertEquals(0, count("SELECT count(*) FROM " + table("predictions") + " WHERE model_key LIKE 'podium/no-template%'"));
  }

  private static Dataset<Row> history() {
    return TestSpark.get().sql("DESCRIBE HISTORY " + table("requests"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
