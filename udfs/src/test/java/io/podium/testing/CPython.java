package io.podium.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program under the machine's CPython, the oracle for the tests that compare Podium's
 * Python semantics with Python itself. A machine without python3 skips such a test, saying so.
 */
public final class CPython {

  private CPython() {}

  /** Runs {@code program} with {@code stdin} (may be null) and returns what it printed, as printed. */
  public static String run(String program, String stdin) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", program).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "skipped: python3 is not installed, so there is no CPython to compare with");
      return null;
    }
    try (OutputStream in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "skipped: python3 failed: " + out);
    return out;
  }

  /** Runs {@code program} with nothing on stdin. */
  public static String run(String program) throws IOException, InterruptedException {
    return run(program, null);
  }
}
