package io.podium.scoring.math;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Python oracle (src/test/resources/.../sympy_oracle.py: the 2024 scoring with sympy's
 * parse_latex and simplify) over a batch of requests in one process. Tests using it are skipped,
 * with the reason, where python3 with sympy and antlr4 is not installed.
 */
final class SympyOracle {

  private SympyOracle() {}

  private static Boolean available;

  static synchronized void assumeAvailable() {
    if (available == null) {
      available = check();
    }
    assumeTrue(available, "skipped: python3 with sympy and antlr4-python3-runtime is not"
        + " installed (needed for the sympy oracle)");
  }

  private static boolean check() {
    try {
      Process p = new ProcessBuilder("python3", "-c", "import sympy, antlr4")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Scores (response, gold) pairs. */
  static List<JsonNode> score(List<String[]> pairs) throws Exception {
    ObjectMapper m = new ObjectMapper();
    List<ObjectNode> requests = new ArrayList<>();
    for (String[] pair : pairs) {
      ObjectNode o = m.createObjectNode();
      o.put("response", pair[0]);
      o.put("gold", pair[1]);
      requests.add(o);
    }
    return run(requests);
  }

  /** Whether parse_latex accepts each string. */
  static List<Boolean> parses(List<String> latex) throws Exception {
    ObjectMapper m = new ObjectMapper();
    List<ObjectNode> requests = new ArrayList<>();
    for (String s : latex) {
      requests.add(m.createObjectNode().put("parse", s));
    }
    List<Boolean> out = new ArrayList<>();
    for (JsonNode n : run(requests)) {
      out.add(n.path("parse").asBoolean());
    }
    return out;
  }

  private static List<JsonNode> run(List<ObjectNode> requests) throws Exception {
    assumeAvailable();
    Path script = Files.createTempFile("sympy_oracle", ".py");
    try (InputStream in = SympyOracle.class.getResourceAsStream("sympy_oracle.py")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      Process p = new ProcessBuilder("python3", script.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      ObjectMapper m = new ObjectMapper();
      Thread writer = new Thread(() -> {
        try (OutputStream os = p.getOutputStream();
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
          for (ObjectNode r : requests) {
            w.write(m.writeValueAsString(r));
            w.write('\n');
          }
        } catch (IOException e) {
          // the reader sees the short output
        }
      });
      writer.start();
      List<JsonNode> out = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          out.add(m.readTree(line));
        }
      }
      writer.join();
      p.waitFor();
      if (out.size() != requests.size()) {
        throw new IllegalStateException("the oracle answered " + out.size() + " of "
            + requests.size() + " requests (exit " + p.exitValue() + ")");
      }
      return out;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
