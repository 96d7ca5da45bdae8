package io.podium.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.tasks.chat.ChatTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Podium's requests against the leaderboard fork's own, executed: {@code fork-reference/requests.jsonl}
 * holds what the Hugging Face fork of lm-evaluation-harness ({@code adding_all_changess},
 * fca2dc43) built for the documents of {@code fork-reference/docs.jsonl} (Podium's own test
 * documents, one per BBH subtask and a few of every other benchmark), plain and with
 * {@code --apply_chat_template --fewshot_as_multiturn} through each template under
 * {@code chat-templates/}. It was written by {@code tools/fork-reference/golden.py}, which runs
 * the fork's {@code load_yaml_config}, {@code ConfigurableTask.build_all_requests},
 * {@code fewshot_context} (lm_eval/api/task.py:1024-1133), the {@code first_n} sampler
 * (lm_eval/api/samplers.py:30-110), {@code construct_requests} (task.py:1237-1262) and
 * {@code HFLM.apply_chat_template} (lm_eval/models/huggingface.py:1420-1437), with each template
 * rendered as transformers 4.45 renders it. Nothing here is Podium's reading of the YAML.
 *
 * <p>BBH's few-shot examples are read by ingest from BIG-Bench-Hard's cot-prompts, so its
 * records are checked in the jobs module ({@code ForkReferenceIngestTest}), on ingested data.
 */
class ForkReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONF = Path.of("..", "conf", "benchmarks");

  record Doc(String benchmark, String subtask, Map<String, Object> doc) {}

  static Stream<Arguments> golden() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (String line : resourceLines("fork-reference/requests.jsonl")) {
      JsonNode r = JSON.readTree(line);
      if (!r.get("task").asText().startsWith("leaderboard_bbh_")) {
        out.add(Arguments.of(r.get("format").asText(), r.get("task").asText(), r));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("golden")
  void requestsAreTheForks(String format, String task, JsonNode expected) throws IOException {
    Doc doc = docs().get(task);
    TaskDefinition def = definitions().get(doc.benchmark());
    PromptRenderer renderer = new PromptRenderer(def, def.subtask(doc.subtask()),
        fewshot().getOrDefault(doc.benchmark(), def.fewshotSamples() != null ? def.fewshotSamples() : List.of()));
    ChatTemplate template = format.equals("plain") ? null : template(format);

    List<RenderedRequest> requests = renderer.requests(doc.doc(), template);

    assertEquals(expected.get("context").asText(), requests.get(0).context(), format + " " + task + ": context");
    assertEquals(expected.get("continuations").size() == 0 ? 1 : expected.get("continuations").size(),
        requests.size(), format + " " + task + ": requests per document");
    assertEquals(expected.get("request_type").asText(), requests.get(0).requestType());
    List<String> continuations = new ArrayList<>();
    expected.get("continuations").forEach(c -> continuations.add(c.asText()));
    if (requests.get(0).requestType().equals("loglikelihood")) {
      assertEquals(continuations, requests.stream().map(RenderedRequest::continuation).toList(),
          format + " " + task + ": continuations");
    } else {
      List<String> until = new ArrayList<>();
      expected.get("until").forEach(c -> until.add(c.asText()));
      assertEquals(until, requests.get(0).until());
      assertEquals(expected.get("max_gen_toks").asInt(), requests.get(0).maxGenToks());
    }
  }

  @Test
  void theGoldenFileCoversEveryBbhSubtaskAndEveryBenchmarkInEveryFormat() throws IOException {
    Map<String, TreeSet<String>> tasksByFormat = new LinkedHashMap<>();
    for (String line : resourceLines("fork-reference/requests.jsonl")) {
      JsonNode r = JSON.readTree(line);
      tasksByFormat.computeIfAbsent(r.get("format").asText(), k -> new TreeSet<>()).add(r.get("task").asText());
    }
    assertEquals(List.of("plain", "Meta-Llama-3-8B-Instruct", "Meta-Llama-3.1-8B-Instruct", "Mistral-7B-Instruct-v0.3",
        "Qwen2.5-7B-Instruct", "gemma-2-9b-it"), new ArrayList<>(tasksByFormat.keySet()));
    for (TreeSet<String> tasks : tasksByFormat.values()) {
      assertEquals(24, tasks.stream().filter(t -> t.startsWith("leaderboard_bbh_")).count());
      for (String b : List.of("gpqa", "ifeval", "math", "mmlu_pro", "musr")) {
        assertTrue(tasks.stream().anyMatch(t -> t.startsWith("leaderboard_" + b)), b);
      }
    }
  }

  /**
   * The whitespace of a BBH description, spelled out: the fork renders it through Jinja
   * (task.py:1059, utils.py:474, no keep_trailing_newline), which drops one trailing newline, so
   * the plain prompt runs into the first "Q:" and snarks' "\n\n" leaves one "\n"; under a chat
   * template the rendered description is the system turn.
   */
  @Test
  void aBbhDescriptionLosesOneTrailingNewlineAsJinjaRendersIt() throws IOException {
    TaskDefinition bbh = definitions().get("bbh");
    List<Map<String, Object>> shots = List.of(Map.of("input", "s1", "target", "True"),
        Map.of("input", "s2", "target", "False"), Map.of("input", "s3", "target", "True"));
    Map<String, Object> doc = Map.of("input", "x", "target", "True");
    String plain = new PromptRenderer(bbh, bbh.subtask("boolean_expressions"), shots).context(doc);
    assertEquals("Evaluate the result of a random Boolean expression.Q: s1\nA: True\n\nQ: s2\nA: False\n\n"
        + "Q: s3\nA: True\n\nQ: x\nA:", plain);
    String snarks = new PromptRenderer(bbh, bbh.subtask("snarks"), shots).context(doc);
    assertTrue(snarks.contains("ambivalent or witty remarks.\nQ: s1\n"), snarks);
    assertFalse(snarks.contains("remarks.\n\nQ:"));
    List<io.podium.tasks.chat.ChatMessage> chat = new PromptRenderer(bbh, bbh.subtask("snarks"), shots)
        .conversation(doc);
    assertEquals("system", chat.get(0).role());
    assertTrue(chat.get(0).content().endsWith("witty remarks.\n"), chat.get(0).content());
    assertEquals(List.of("system", "user", "assistant", "user", "assistant", "user", "assistant", "user"),
        chat.stream().map(io.podium.tasks.chat.ChatMessage::role).toList());
    assertEquals("True", chat.get(2).content(), "an assistant turn is the target alone, without the delimiter");
  }

  // ------------------------------------------------------------------ fixtures

  static Map<String, TaskDefinition> definitions() throws IOException {
    Map<String, TaskDefinition> defs = new HashMap<>();
    try (Stream<Path> files = Files.list(CONF)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          TaskDefinition def = TaskDefinition.load(in, file.toString());
          defs.put(def.benchmark(), def);
        }
      }
    }
    return defs;
  }

  static Map<String, Doc> docs() throws IOException {
    Map<String, Doc> docs = new HashMap<>();
    for (String line : resourceLines("fork-reference/docs.jsonl")) {
      JsonNode r = JSON.readTree(line);
      docs.put(r.get("task").asText(), new Doc(r.get("benchmark").asText(), r.get("subtask").asText(),
          parseDoc(r.get("doc").asText())));
    }
    return docs;
  }

  private static Map<String, List<Map<String, Object>>> fewshot() throws IOException {
    Map<String, List<Map<String, Object>>> out = new HashMap<>();
    for (String line : resourceLines("fork-reference/fewshot.jsonl")) {
      JsonNode r = JSON.readTree(line);
      out.computeIfAbsent(r.get("benchmark").asText(), k -> new ArrayList<>()).add(parseDoc(r.get("doc").asText()));
    }
    return out;
  }

  static ChatTemplate template(String name) throws IOException {
    String resource = "chat-templates/" + name + ".tokenizer_config.json";
    return ChatTemplate.fromTokenizerConfig(String.join("\n", resourceLines(resource)), resource);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseDoc(String json) throws IOException {
    return JSON.readValue(json, LinkedHashMap.class);
  }

  static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = ForkReferenceTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("test resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
