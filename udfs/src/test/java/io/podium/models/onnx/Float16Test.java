package io.podium.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.testing.CPython;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Half precision as CPython's {@code struct} format 'e' (IEEE 754 binary16, nearest-even). */
class Float16Test {

  @Test
  void roundsAndReadsBackAsCPythonDoes() throws Exception {
    SplittableRandom random = new SplittableRandom(16);
    float[] values = new float[4000];
    for (int i = 0; i < values.length; i++) {
      // magnitudes from subnormal (2^-24) to near the largest half (65504), both signs
      double magnitude = Math.pow(2, -26 + random.nextDouble() * 41.9);
      values[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
    }
    values[0] = 0f;
    values[1] = -0f;
    values[2] = 65504f;
    values[3] = 1 + 0x1p-11f; // a tie: rounds to even (1.0)
    values[4] = 1 + 3 * 0x1p-11f; // a tie: rounds to even (1 + 2^-9)
    StringBuilder in = new StringBuilder();
    for (float v : values) {
      in.append(Float.floatToRawIntBits(v)).append('\n');
    }
    String out = CPython.run("""
        import struct, sys
        for line in sys.stdin:
            f = struct.unpack('<f', struct.pack('<i', int(line)))[0]
            h = struct.unpack('<H', struct.pack('<e', f))[0]
            back = struct.unpack('<e', struct.pack('<H', h))[0]
            print(h, struct.unpack('<i', struct.pack('<f', back))[0])
        """, in.toString());
    String[] lines = out.split("\n");
    assertEquals(values.length, lines.length);
    for (int i = 0; i < values.length; i++) {
      String[] expected = lines[i].split(" ");
      short half = Float16.fromFloat(values[i]);
      assertEquals(Integer.parseInt(expected[0]), half & 0xffff, "bits of " + values[i]);
      assertEquals(Integer.parseInt(expected[1]), Float.floatToRawIntBits(Float16.toFloat(half)), "value of " + values[i]);
    }
  }
}
