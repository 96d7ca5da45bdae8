package io.podium.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link PyFloat#repr} against Python's own {@code repr}, over edge cases and seeded random doubles. */
class PyFloatTest {

  @Test
  void writesWhatPythonWrites() throws Exception {
    List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 1.0, -1.5, 0.1, 0.0001, 0.00001, 1e-5, 1.5e16, 1e16,
        9999999999999998.0, 123456789012345.6, 2e23, 5e-324, Double.MAX_VALUE, Double.MIN_NORMAL, -4.25, 1.0 / 3,
        0.516, 0.03664867131244299, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    SplittableRandom random = new SplittableRandom(20261204);
    for (int i = 0; i < 3000; i++) {
      values.add(Double.longBitsToDouble(random.nextLong())); // any exponent
      values.add(-random.nextDouble() * Math.pow(10, random.nextInt(-8, 20))); // log-likelihood-like
    }
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (double v : values) {
      input.append(Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toHexString(v))
          .append('\n');
      expected.add(PyFloat.repr(v));
    }
    Process p = new ProcessBuilder("python3", "-c", "import sys\n"
        + "for line in sys.stdin:\n"
        + "    s = line.strip()\n"
        + "    print(repr(float(s) if s in ('nan', 'inf', '-inf') else float.fromhex(s)))\n")
        .redirectErrorStream(true).start();
    p.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES));
    assertEquals(0, p.exitValue(), out);
    assertEquals(String.join("\n", expected), out.strip());
  }
}
