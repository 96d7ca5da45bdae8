package io.podium.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.testing.CPython;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one {@code str.isspace} every part of Podium uses, against CPython's, over all of Unicode. */
class PyStrTest {

  @Test
  void isSpaceIsCPythonsForEveryCodePoint() throws Exception {
    String expected = CPython.run("print(' '.join(str(c) for c in range(0x110000) if chr(c).isspace()))").strip();
    List<String> actual = new ArrayList<>();
    for (int cp = 0; cp < 0x110000; cp++) {
      if (PyStr.isSpace(cp)) {
        actual.add(Integer.toString(cp));
      }
    }
    assertEquals(expected, String.join(" ", actual));
  }

  @Test
  void stripAndSplitAsPythonDoes() {
    assertEquals("a b", PyStr.strip("\u00a0\u2003a b\u3000\u0085"));
    assertEquals("a b", PyStr.strip("xxa bxy", "xy"));
    assertEquals(List.of("a", "b c "), PyStr.split(" a  b c ", null, 1));
    assertEquals(List.of("a", "", "b"), PyStr.split("a,,b", ",", -1));
    assertEquals("Hello World'S", PyStr.title("hello world's"));
  }

}
