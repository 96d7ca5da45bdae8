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
 * of 1e-9 otherwise, at four points for the free symbols (two positive, one negative, one
 * complex, as sympy's symbols are complex). Identical expressions are equal (sympy cancels them
 * term by term) unless their value is undefined (1/0) or they contain infinity (oo - oo is nan).
 * Sums, products, limits, integrals and derivatives are only equal to an identical expression
 * (sympy's simplify evaluates them: a known difference).
 */
final class SymbolicEquivalence {

  private static final double TOLERANCE = 1e-9;

  private SymbolicEquivalence() {}

  /** The parsed expression, or null where sympy's parse_latex would raise. */
  static LatexNode parseOrNull(String s) {
    try {
      return LatexParser.parse(s);
    } catch (LatexParser.ParseError | StackOverflowError e) {
      // too deep a nesting: Python's RecursionError, which is_equiv's "except Exception" eats
      return null;
    }
  }

  /**
   * is_equiv(x1, x2) of the 2024 harness. The work is bounded (parser steps, exponent and
   * factorial sizes) instead of timed. The harness wraps parse and simplify in a SIGALRM
   * timeout and returns False when it fires (or on any other exception): 1 s in the
   * leaderboard's fork (utils.py:156 at adding_all_changess), 5 s upstream (utils.py:149 at
   * 3c8db1bb). It only ends pathological inputs, which fail here too; a comparison sympy
   * finishes in between (1 to 5 s, machine-dependent) is not modelled.
   */
  static boolean equivalent(String x1, String x2) {
    LatexNode a = parseOrNull(x1);
    if (a == null) {
      return false;
    }
    LatexNode b = parseOrNull(x2);
    if (b == null) {
      return false;
    }
    try {
      return equivalent(a, b);
    } catch (StackOverflowError e) {
      return false;
    }
  }

  static boolean equivalent(LatexNode a, LatexNode b) {
    if (a.contains(Kind.RELATION) || b.contains(Kind.RELATION)) {
      return false;
    }
    if (a.contains(Kind.INFINITY) || b.contains(Kind.INFINITY)) {
      return false; // oo - oo is nan; a finite difference with oo in it is not 0 either
    }
    if (a.toString().equals(b.toString())) {
      // sympy cancels identical terms (even asin(2) or (-1)!), except a division by zero,
      // which its arithmetic re-evaluates to zoo (1/0 - 1/0 is nan)
      return !dividesByZero(a);
    }
    if (a.contains(Kind.OPAQUE) || b.contains(Kind.OPAQUE)) {
      return false;
    }
    boolean symbolic = a.hasSymbol() || b.hasSymbol() || a.contains(Kind.UNDEFINED_FUNCTION)
        || b.contains(Kind.UNDEFINED_FUNCTION);
    int points = symbolic ? Symbols.POINTS : 1;
    for (int k = 0; k < points; k++) {
      Map<String, Num> values = Symbols.point(k, a, b);
      Num va;
      Num vb;
      try {
        va = new Evaluator(values, k).eval(a);
        vb = new Evaluator(values, k).eval(b);
      } catch (Evaluator.Unsupported e) {
        if (k >= 2) {
          continue; // a negative or complex point this evaluator cannot follow: skip it
        }
        return false;
      }
      if (!same(va, vb)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a term of the sum n is itself 1/0 (a power with constant base 0 and a negative
   * exponent). sympy keeps 1/0 unevaluated inside a product or a function, and identical
   * copies cancel there ({@code 2/0 - 2/0} is 0), but as a term of a sum it is re-evaluated to
   * zoo ({@code 1/0 - 1/0} is nan).
   */
  static boolean dividesByZero(LatexNode n) {
    switch (n.kind()) {
      case ADD:
        return dividesByZero(n.args().get(0)) || dividesByZero(n.args().get(1));
      case NEG:
        return dividesByZero(n.args().get(0));
      case POW:
        if (n.hasSymbol()) {
          return false;
        }
        try {
          Evaluator e = new Evaluator(Map.of(), 0);
          Num base = e.eval(n.args().get(0));
          Num exponent = e.eval(n.args().get(1));
          return base.isExact() && base.p.signum() == 0 && exponent.isReal() && exponent.re < 0;
        } catch (Evaluator.Unsupported e) {
          return false;
        }
      default:
        return false;
    }
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
