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

  /** How many test points there are; see {@link #value}. */
  static final int POINTS = 4;

  /**
   * The value of a symbol at test point k: positive rationals at points 0 and 1, a negative one
   * at point 2, a complex one at point 3 (sympy's symbols are complex, so sqrt(x^2) is not x).
   */
  static Num value(String name, int k) {
    Num v = generic(name.hashCode() * 7_919L + k * 104_729L);
    if (k == 2) {
      return Evaluator.neg(v);
    }
    if (k == 3) {
      Num im = generic(name.hashCode() * 31L + 1);
      return Num.approx(v.re, im.re, false, true);
    }
    return v;
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
      values.computeIfAbsent(n.text(), name -> value(name, k));
    }
    for (LatexNode a : n.args()) {
      collect(a, k, values);
    }
  }
}
