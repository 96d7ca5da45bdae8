package io.podium.scoring.ifeval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The IFEval files in shared/data/ifeval (../shared/data beside the repository root). */
final class IfEvalData {

  static final String GPT4_RESPONSES = "input_response_data_gpt4_20231107_145030.jsonl";
  static final String LLAMA_RESPONSES =
      "input_response_data_Meta-Llama-3.1-8B-Instruct_JackLingjie.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private IfEvalData() {}

  /** The repository root (set by the build as podium.root). */
  static Path root() {
    String root = System.getProperty("podium.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** shared/data/ifeval; the calling test is skipped, with the reason, when it is absent. */
  static Path dir() {
    Path dir = root().resolve("../shared/data/ifeval").normalize();
    assumeTrue(Files.isDirectory(dir),
        "skipped: the IFEval files are not at " + dir + " (../shared/data beside the clone)");
    return dir;
  }

  /** input_data.jsonl as prompts. */
  @SuppressWarnings("unchecked")
  static List<IfEvalPrompt> prompts() throws IOException {
    List<IfEvalPrompt> prompts = new ArrayList<>();
    for (String line : Files.readAllLines(dir().resolve("input_data.jsonl"))) {
      Map<String, Object> row = JSON.readValue(line, OBJECT);
      prompts.add(new IfEvalPrompt(((Number) row.get("key")).intValue(),
          (String) row.get("prompt"), (List<String>) row.get("instruction_id_list"),
          (List<Map<String, Object>>) row.get("kwargs")));
    }
    return prompts;
  }

  /** A response file, prompt text to response. */
  static Map<String, String> responses(String file) throws IOException {
    Map<String, String> responses = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir().resolve(file))) {
      Map<String, Object> row = JSON.readValue(line, OBJECT);
      responses.put((String) row.get("prompt"), (String) row.get("response"));
    }
    return responses;
  }

  /**
   * The response to a prompt: by exact prompt text, else the response whose prompt shares the
   * longest prefix plus suffix with it (the GPT-4 file's prompt for key 2785 says "at least one
   * placeholder" where input_data.jsonl says "at least 3 placeholders").
   */
  static Match responseTo(IfEvalPrompt prompt, Map<String, String> responses) {
    String exact = responses.get(prompt.prompt());
    if (exact != null) {
      return new Match(exact, true);
    }
    String best = null;
    int bestShared = -1;
    for (String candidate : responses.keySet()) {
      int shared = sharedEnds(candidate, prompt.prompt());
      if (shared > bestShared) {
        bestShared = shared;
        best = candidate;
      }
    }
    return new Match(responses.get(best), false);
  }

  record Match(String response, boolean exact) {}

  private static int sharedEnds(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int prefix = 0;
    while (prefix < n && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < n - prefix
        && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
      suffix++;
    }
    return prefix + suffix;
  }
}
