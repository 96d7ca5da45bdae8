package io.podium.scoring.math;

import io.podium.scoring.math.LatexNode.Kind;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Values for the free symbols of two expressions at the test points. */
final class Symbols {

  private Symbols() {}

  /** A positive, generic-looking rational chosen by seed. */
  static Num generic(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long num = 2 + r.nextInt(9_973);
    long den = 2 + r.nextInt(9_967);
    return Num.exact(BigInteger.valueOf(num), BigInteger.valueOf(den));
  }

  /** A value for each symbol of the trees, for the given test point. */
  static Map<String, Num> point(int k, LatexNode... trees) {
    Map<String, Num> values = new HashMap<>();
    for (LatexNode t : trees) {
      collect(t, k, values);
    }
    return values;
  }

  private static void collect(LatexNode n, int k, Map<String, Num> values) {
    if (n.kind() == Kind.SYMBOL) {
      values.computeIfAbsent(n.text(), name -> generic(name.hashCode() * 7_919L + k * 104_729L));
    }
    for (LatexNode a : n.args()) {
      collect(a, k, values);
    }
  }
}
