package io.podium.scoring.math;

import io.podium.scoring.math.LatexNode.Kind;
import java.util.Map;

/**
 * The leaderboard's {@code is_equiv}: both answers parsed as sympy's {@code parse_latex} would,
 * false when either does not parse, when either is a relation (sympy cannot subtract those),
 * otherwise true when their difference is 0.
 *
 * <p>sympy decides "simplify(x1 - x2) == 0"; this port decides the same question by evaluating
 * both expressions, exactly while the arithmetic is rational (integers, fractions, powers,
 * factorials, symbols given rational values) and in complex doubles with a relative tolerance
 * of 1e-9 otherwise, at three points for the free symbols. Identical expressions are equal (sympy
 * cancels them term by term) unless they contain infinity (oo - oo is nan). Sums, products,
 * limits, integrals and derivatives are only equal to an identical expression.
 */
final class SymbolicEquivalence {

  private static final double TOLERANCE = 1e-9;
  private static final int POINTS = 3;

  private SymbolicEquivalence() {}

  /** The parsed expression, or null where sympy's parse_latex would raise. */
  static LatexNode parseOrNull(String s) {
    try {
      return LatexParser.parse(s);
    } catch (LatexParser.ParseError e) {
      return null;
    }
  }

  static boolean equivalent(String x1, String x2) {
    LatexNode a = parseOrNull(x1);
    if (a == null) {
      return false;
    }
    LatexNode b = parseOrNull(x2);
    if (b == null) {
      return false;
    }
    return equivalent(a, b);
  }

  static boolean equivalent(LatexNode a, LatexNode b) {
    if (a.contains(Kind.RELATION) || b.contains(Kind.RELATION)) {
      return false;
    }
    boolean infinite = a.contains(Kind.INFINITY) || b.contains(Kind.INFINITY);
    if (!infinite && a.toString().equals(b.toString())) {
      return true;
    }
    if (infinite || a.contains(Kind.OPAQUE) || b.contains(Kind.OPAQUE)) {
      return false;
    }
    boolean symbolic = a.hasSymbol() || b.hasSymbol() || a.contains(Kind.UNDEFINED_FUNCTION)
        || b.contains(Kind.UNDEFINED_FUNCTION);
    int points = symbolic ? POINTS : 1;
    for (int k = 0; k < points; k++) {
      Map<String, Num> values = Symbols.point(k, a, b);
      Num va;
      Num vb;
      try {
        va = new Evaluator(values, k).eval(a);
        vb = new Evaluator(values, k).eval(b);
      } catch (Evaluator.Unsupported e) {
        return false;
      }
      if (!same(va, vb)) {
        return false;
      }
    }
    return true;
  }

  static boolean same(Num x, Num y) {
    if (x.isExact() && y.isExact()) {
      return x.p.equals(y.p) && x.q.equals(y.q);
    }
    if (!x.isFinite() || !y.isFinite()) {
      return false;
    }
    if (!x.irrational && !y.irrational) {
      // only Floats made it inexact: sympy computes in binary floating point too
      return x.re == y.re && x.im == y.im;
    }
    double scale = Math.max(1, Math.max(Math.hypot(x.re, x.im), Math.hypot(y.re, y.im)));
    return Math.hypot(x.re - y.re, x.im - y.im) <= TOLERANCE * scale;
  }
}
