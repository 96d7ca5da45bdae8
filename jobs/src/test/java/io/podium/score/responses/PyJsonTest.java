package io.podium.score.responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.podium.python.PyJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link PyJson} against Python's own {@code json.dumps}, run by python3. */
class PyJsonTest {

  @Test
  void writesWhatJsonDumpsWrites(@TempDir Path tmp) throws Exception {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("ids", List.of("punctuation:no_comma", "detectable_format:title"));
    value.put("prompt", "Quotes \" and \\ backslash\n\ttab, \r\b\f\u0001 control, é ü 中文, 😀 emoji, \u007f del");
    value.put("all", false);
    value.put("each", List.of(true, false));
    value.put("n", 3);
    value.put("none", null);
    Path input = tmp.resolve("value.json");
    // The value travels to Python as JSON text that Jackson writes; Python re-dumps it.
    Files.writeString(input, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value),
        StandardCharsets.UTF_8);
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c",
          "import json,sys; v=json.load(open(sys.argv[1], encoding='utf-8')); sys.stdout.write(json.dumps(v))",
          input.toString()).redirectErrorStream(true).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "skipped: python3 is not installed");
      return;
    }
    assumeTrue(p.waitFor(30, TimeUnit.SECONDS), "python3 did not answer");
    String python = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), python);
    assertEquals(python, PyJson.dumps(value));
  }
}
