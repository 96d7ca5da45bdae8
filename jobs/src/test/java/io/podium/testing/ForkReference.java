package io.podium.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.podium.conf.PodiumConf;
import io.podium.requests.Renderers;
import io.podium.requests.RequestWriter;
import io.podium.tables.Json;
import io.podium.tasks.PromptRenderer;
import io.podium.tasks.RenderedRequest;
import io.podium.tasks.chat.ChatTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The leaderboard fork's own requests for Podium's test documents
 * ({@code udfs/src/test/resources/fork-reference/}, written by {@code tools/fork-reference/golden.py},
 * which executes the fork's {@code ConfigurableTask} code), compared with what the warehouse's
 * renderers make of the same documents: the few-shot examples as ingest stored them, the task
 * definitions, the chat templates.
 */
public final class ForkReference {

  private static final Path DIR = Paths.root().resolve("udfs/src/test/resources/fork-reference");
  private static final Path TEMPLATES = Paths.root().resolve("udfs/src/test/resources/chat-templates");

  private ForkReference() {}

  /** A tokenizer_config.json of the test templates, e.g. {@code Meta-Llama-3-8B-Instruct}. */
  public static Path templateFile(String name) {
    return TEMPLATES.resolve(name + ".tokenizer_config.json");
  }

  /**
   * Checks every golden record of the given benchmark whose subtask the warehouse can render
   * (in the session's current warehouse); returns how many records were compared.
   */
  public static int check(String benchmark) throws IOException {
    Renderers renderers = Renderers.fromWarehouse(TestSpark.get(), PodiumConf.benchmarks(), List.of(benchmark));
    Map<String, JsonNode> docs = new HashMap<>();
    for (String line : Files.readAllLines(DIR.resolve("docs.jsonl"))) {
      JsonNode r = Json.MAPPER.readTree(line);
      docs.put(r.get("task").asText(), r);
    }
    Map<String, ChatTemplate> templates = new HashMap<>();
    int compared = 0;
    for (String line : Files.readAllLines(DIR.resolve("requests.jsonl"))) {
      JsonNode expected = Json.MAPPER.readTree(line);
      JsonNode doc = docs.get(expected.get("task").asText());
      PromptRenderer renderer = doc == null || !doc.get("benchmark").asText().equals(benchmark) ? null
          : renderers.renderers().get(RequestWriter.key(benchmark, doc.get("subtask").asText()));
      if (renderer == null) {
        continue;
      }
      String format = expected.get("format").asText();
      ChatTemplate template = format.equals("plain") ? null : templates.computeIfAbsent(format, f -> read(f));
      List<RenderedRequest> requests = renderer.requests(Json.parseObject(doc.get("doc").asText()), template);
      String what = format + " " + expected.get("task").asText();
      assertEquals(expected.get("context").asText(), requests.get(0).context(), what + ": context");
      List<String> continuations = new ArrayList<>();
      expected.get("continuations").forEach(c -> continuations.add(c.asText()));
      if (!continuations.isEmpty()) {
        assertEquals(continuations, requests.stream().map(RenderedRequest::continuation).toList(),
            what + ": continuations");
      }
      compared++;
    }
    return compared;
  }

  private static ChatTemplate read(String name) {
    try {
      return ChatTemplate.fromTokenizerConfig(Files.readString(templateFile(name)), name);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
