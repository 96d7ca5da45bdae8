package io.podium.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.testing.Launcher;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose Spark task fails, as a user of bin/podium sees it (a real process, the built jar):
 * one line on the console saying what failed, where and the fix, and where Spark's own account
 * of it is; that account (the task's stack trace, the lost task, the aborted job) in the log
 * file; with PODIUM_DEBUG=1 on the console too. The endpoint echoes the API key into its error
 * answers: the key is in no output and not in the log file.
 */
class FailureConsoleIT {

  private static final String KEY = "sk-podium-secret-7731";

  @TempDir
  Path tmp;

  @Test
  void aFailedTaskIsOneLineOnTheConsoleAndSparksAccountIsInTheLogFile() throws Exception {
    Path source = tmp.resolve("source");
    Path data = source.resolve("bbh/navigate/test-00000-of-00001.jsonl");
    Files.createDirectories(data.getParent());
    Files.writeString(data, "{\"input\": \"Take 1 step.\\nOptions:\\n- Yes\\n- No\", \"target\": \"No\"}\n");
    Path prompt = source.resolve("BIG-Bench-Hard/cot-prompts/navigate.txt");
    Files.createDirectories(prompt.getParent());
    try (InputStream in = getClass().getResourceAsStream("/samples/BIG-Bench-Hard/cot-prompts/navigate.txt")) {
      Files.write(prompt, in.readAllBytes());
    }
    String wh = tmp.resolve("wh").toString();
    Path log = tmp.resolve("podium.log");
    Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "PODIUM_LOG_FILE", log.toString());
    Launcher ingest = Launcher.run(tmp, env, "ingest", "--source", source.toString(), "--benchmarks", "bbh",
        "--warehouse", wh);
    assertEquals(0, ingest.code, ingest.output);

    try (FaultyEndpoint endpoint = new FaultyEndpoint()) {
      endpoint.fault(FaultyEndpoint.Fault.ERROR_500);
      Path model = tmp.resolve("model.yaml");
      Files.writeString(model, "model_id: org/failing\nrevision: r1\nprecision: bfloat16\nbackend: openai\nuri: "
          + endpoint.baseUrl() + "\noptions:\n  max_retries: 1\n  backoff_ms: 100\n");
      Launcher run = Launcher.run(tmp, env, "evaluate", "--model", model.toString(), "--warehouse", wh);
      assertEquals(1, run.code, run.output);
      List<String> failures = run.output.lines().filter(l -> l.contains("failed")).toList();
      assertEquals(1, failures.size(), run.output);
      String line = failures.get(0);
      assertTrue(line.startsWith("podium evaluate failed: evaluate org/failing@r1#bfloat16 failed, the run is not"
          + " complete: model org/failing@r1#bfloat16 failed on request "), line);
      assertTrue(line.contains("answered HTTP 500") && line.contains("(2 attempts). Fix: see the server's log")
          && line.endsWith("(Spark's log of it: " + log + "; PODIUM_DEBUG=1 shows it here)"), line);
      for (String noise : List.of(" ERROR ", " WARN ", "Exception in task", "\tat ", "Lost task", "aborting job")) {
        assertFalse(run.output.contains(noise), "'" + noise + "' on the console:\n" + run.output);
      }
      String logged = Files.readString(log);
      assertTrue(logged.contains("Exception in task") && logged.contains("io.podium.models.ModelFailure"), logged);
      assertFalse(run.output.contains(KEY), "the key on the console");
      assertFalse(logged.contains(KEY), "the key in the log file");

      Launcher debug = Launcher.run(tmp, Map.of("OPENAI_API_KEY", KEY, "PODIUM_LOG_FILE", log.toString(),
          "PODIUM_DEBUG", "1"), "evaluate", "--model", model.toString(), "--warehouse", wh);
      assertEquals(1, debug.code, debug.output);
      assertTrue(debug.output.contains("Exception in task") && debug.output.contains("\tat "), debug.output);
      assertFalse(debug.output.contains(KEY), "the key on the console");
    }
  }
}
