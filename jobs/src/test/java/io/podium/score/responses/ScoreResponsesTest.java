package io.podium.score.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podium.scoring.ifeval.text.PunktParameters;
import io.podium.testing.Cli;
import io.podium.testing.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podium score-responses} on the real IFEval and MATH files, and on small files of our own. */
class ScoreResponsesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void gpt4IfEvalResponsesGiveTheReferenceAccuracies() throws Exception {
    Path data = Paths.sharedData().resolve("ifeval");
    Path out = tmp.resolve("ifeval");
    Cli run = Cli.run("score-responses", "--benchmark", "ifeval",
        "--input", data.resolve("input_response_data_gpt4_20231107_145030.jsonl").toString(),
        "--prompts", data.resolve("input_data.jsonl").toString(), "--output", out.toString());
    assertEquals(0, run.code, run.toString());
    assertTrue(run.out.contains("strict: prompt-level 0.7671 (415/541), instruction-level 0.8345 (696/834)"), run.out);
    // Reference loose: 430/541 and 713/834. Two differences are explained in IfEvalReferenceDataTest:
    // the reference's random letter for a non-letter letter_frequency argument (one pass fewer
    // here), and, with Podium's built-in sentence parameters, key 1174 (one instruction more).
    int builtIn = PunktParameters.source().equals(PunktParameters.BUILTIN_SOURCE) ? 1 : 0;
    assertTrue(run.out.contains(String.format("loose:  prompt-level %.4f (429/541), instruction-level %.4f (%d/834)",
        429 / 541.0, (712 + builtIn) / 834.0, 712 + builtIn)), run.out);
    assertTrue(run.out.contains("sentence model: " + PunktParameters.source()), run.out);
    // The one prompt whose text changed between the two files' versions is paired, and said so.
    assertTrue(run.err.contains("paired with key 2785"), run.err);

    List<String> prompts = Files.readAllLines(data.resolve("input_data.jsonl"));
    for (String name : List.of("eval_results_strict.jsonl", "eval_results_loose.jsonl")) {
      List<String> lines = Files.readAllLines(out.resolve(name), StandardCharsets.UTF_8);
      assertEquals(prompts.size(), lines.size(), name);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = JSON.readTree(lines.get(i));
        JsonNode prompt = JSON.readTree(prompts.get(i));
        List<String> fields = new ArrayList<>();
        line.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("instruction_id_list", "prompt", "response", "follow_all_instructions",
            "follow_instruction_list"), fields);
        assertEquals(prompt.get("prompt"), line.get("prompt"));
        assertEquals(prompt.get("instruction_id_list"), line.get("instruction_id_list"));
        assertEquals(prompt.get("instruction_id_list").size(), line.get("follow_instruction_list").size());
        boolean all = true;
        for (JsonNode v : line.get("follow_instruction_list")) {
          all &= v.asBoolean();
        }
        assertEquals(all, line.get("follow_all_instructions").asBoolean(), name + " line " + (i + 1));
        assertTrue(lines.get(i).chars().allMatch(c -> c < 128), "ensure_ascii output, as json.dumps writes it");
      }
    }
  }

  @Test
  void anIfEvalResponseThatMatchesNoPromptIsReportedWithItsLine() throws Exception {
    Path prompts = write("prompts.jsonl",
        "{\"key\": 1, \"prompt\": \"Write a haiku about rain. Use no commas.\","
            + " \"instruction_id_list\": [\"punctuation:no_comma\"], \"kwargs\": [{}]}",
        "{\"key\": 2, \"prompt\": \"Answer in lowercase letters only: what is rain?\","
            + " \"instruction_id_list\": [\"change_case:english_lowercase\"], \"kwargs\": [{}]}");
    Path responses = write("responses.jsonl",
        "{\"prompt\": \"Write a haiku about rain. Use no commas.\", \"response\": \"grey sky weeps softly\"}",
        "",
        "{\"prompt\": \"Something nobody asked\", \"response\": \"hello, world\"}");
    Cli run = Cli.run("score-responses", "--benchmark", "ifeval", "--input", responses.toString(),
        "--prompts", prompts.toString(), "--output", tmp.resolve("out").toString());
    assertEquals(3, run.code, run.toString());
    assertTrue(run.err.contains(responses + " line 3: its prompt matches no prompt in " + prompts
        + "; it is not scored"), run.err);
    assertTrue(run.err.contains("1 prompt(s) of " + prompts + " have no response and are not scored: keys [2]"),
        run.err);
    assertEquals(1, Files.readAllLines(tmp.resolve("out/eval_results_strict.jsonl")).size());
  }

  @Test
  void mathResponsesAreMatchedByIdxOrProblemAndScored() throws Exception {
    Path docs = write("test.jsonl",
        "{\"idx\": 10, \"problem\": \"What is $1+1$?\", \"solution\": \"It is $\\\\boxed{2}$.\"}",
        "{\"idx\": 11, \"problem\": \"What is half of 1?\", \"solution\": \"Half is $\\\\boxed{\\\\frac{1}{2}}$.\"}");
    Path responses = write("responses.jsonl",
        "{\"idx\": 10, \"response\": \"1+1=2.\\nFinal Answer: The final answer is $2$. I hope it is correct.\"}",
        "{\"problem\": \"What is half of 1?\", \"response\": \"Final Answer: The final answer is $0.4$.\"}",
        "{\"idx\": 99, \"response\": \"Final Answer: The final answer is $3$.\"}");
    Path out = tmp.resolve("math.jsonl");
    Cli run = Cli.run("score-responses", "--benchmark", "math_hard", "--input", responses.toString(),
        "--docs", docs.toString(), "--output", out.toString());
    assertEquals(3, run.code, run.toString());
    assertTrue(run.out.contains("MATH (leaderboard_fork): exact_match 0.5000 (1/2)"), run.out);
    assertTrue(run.err.contains(responses + " line 3: its idx or problem matches no record in " + docs
        + "; it is not scored"), run.err);
    List<String> lines = Files.readAllLines(out);
    assertEquals(2, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals(10, first.get("idx").asInt());
    assertEquals("2", first.get("normalized_answer").asText());
    assertEquals(1, first.get("exact_match").asInt());
    JsonNode second = JSON.readTree(lines.get(1));
    assertEquals("What is half of 1?", second.get("problem").asText());
    assertEquals("\\frac{1}{2}", second.get("gold_answer").asText());
    assertEquals(0, second.get("exact_match").asInt());
  }

  private Path write(String name, String... lines) throws Exception {
    Path file = tmp.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }
}
