package io.podium.scoring.math;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real MATH test set (../shared/data/math/test.jsonl beside the clone), for tests. */
final class MathTestData {

  private MathTestData() {}

  /** The repository root (the build sets podium.root; else the module's parent). */
  static Path root() {
    String root = System.getProperty("podium.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** The MATH test file; the calling test is skipped, with the reason, when it is absent. */
  static Path testFile() {
    Path file = root().resolve("../shared/data/math/test.jsonl").normalize();
    assumeTrue(Files.isRegularFile(file),
        "skipped: the MATH test set is not at " + file + " (../shared/data beside the clone)");
    return file;
  }

  /** The gold answers (remove_boxed(last_boxed_only_string(solution))) of the Level 5 problems. */
  static List<String> level5Golds() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<String> golds = new ArrayList<>();
    for (String line : Files.readAllLines(testFile())) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode rec = mapper.readTree(line);
      if (rec.path("level").asText().equals("Level 5")) {
        golds.add(MathScorer.goldAnswer(rec.path("solution").asText()));
      }
    }
    return golds;
  }

  /** The response a model following the 4-shot format gives when it answers {@code answer}. */
  static String response(String answer) {
    return "Final Answer: The final answer is $" + answer + "$. I hope it is correct.";
  }
}
