package io.podium.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.testing.CPython;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PyRandom against CPython itself: the same seeds give the same numbers and shuffles. */
class PyRandomTest {


  @Test
  void randomMatchesCPythonForSeveralSeeds() throws Exception {
    long[] seeds = {0, 1, 42, 1234, 4294967295L, 4294967296L, 123456789012L};
    StringBuilder program = new StringBuilder("import random\n");
    for (long seed : seeds) {
      program.append("r = random.Random(").append(seed).append(")\n")
          .append("print(' '.join(repr(r.random()) for _ in range(5)))\n");
    }
    String[] expected = CPython.run(program.toString()).split("\n");
    for (int i = 0; i < seeds.length; i++) {
      PyRandom r = new PyRandom(seeds[i]);
      List<String> actual = new ArrayList<>();
      for (int k = 0; k < 5; k++) {
        actual.add(Double.toString(r.random()));
      }
      assertEquals(normalize(expected[i]), String.join(" ", actual), "seed " + seeds[i]);
    }
  }

  @Test
  void shuffleSequenceMatchesCPython() throws Exception {
    // 300 consecutive shuffles of 4 items (as GPQA does) and some of other sizes.
    String expected = CPython.run("""
        import random
        random.seed(0)
        out = []
        for n in [4] * 300 + [1, 2, 3, 7, 10, 33]:
            x = list(range(n)); random.shuffle(x); out.append(','.join(map(str, x)))
        print(';'.join(out))
        """).strip();
    PyRandom r = new PyRandom(0);
    List<String> out = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      sizes.add(4);
    }
    sizes.addAll(List.of(1, 2, 3, 7, 10, 33));
    for (int n : sizes) {
      List<Integer> x = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        x.add(i);
      }
      r.shuffle(x);
      out.add(String.join(",", x.stream().map(String::valueOf).toList()));
    }
    assertEquals(expected, String.join(";", out));
  }

  /** Python prints repr(float) as the shortest round-trip string, as Java's Double.toString mostly does. */
  private static String normalize(String pythonFloats) {
    List<String> out = new ArrayList<>();
    for (String f : pythonFloats.split(" ")) {
      out.add(Double.toString(Double.parseDouble(f)));
    }
    return String.join(" ", out);
  }
}
