package io.podium.scoring.math;

import java.util.List;

/**
 * The expression sympy's {@code parse_latex} builds for a LaTeX string, as a small tree: one
 * node kind per sympy construct the visitor emits. {@link #toString()} is a canonical form used
 * to name subscripted symbols and to spot identical expressions.
 */
record LatexNode(Kind kind, String text, List<LatexNode> args) {

  enum Kind {
    /** An Integer; text is its decimal digits. */
    INTEGER,
    /** A Float; text is the decimal literal. */
    FLOAT,
    /** A Symbol; text is its name (with subscript and primes, as sympy names it). */
    SYMBOL,
    /** sympy.oo ({@code \infty}). */
    INFINITY,
    /** Add(a, b). */
    ADD,
    /** Mul(a, b). */
    MUL,
    /** Pow(a, b). */
    POW,
    /** -a. */
    NEG,
    /** factorial(a). */
    FACTORIAL,
    /** Abs(a). */
    ABS,
    /** floor(a). */
    FLOOR,
    /** ceiling(a). */
    CEILING,
    /** conjugate(a). */
    CONJUGATE,
    /** binomial(n, k). */
    BINOMIAL,
    /** A known function (sin, asin, exp, ...); text is sympy's name. */
    FUNCTION,
    /** log(a, base); log(a) when args has one element (base E). */
    LOG,
    /** root(a, n): a ** (1/n); sqrt when args has one element. */
    ROOT,
    /** An undefined function applied to arguments; text is its name. */
    UNDEFINED_FUNCTION,
    /** A relation (Eq, Ne, <, <=, >, >=); text is the operator. */
    RELATION,
    /**
     * A construct sympy builds but this port does not evaluate (Sum, Product, Limit, Integral,
     * Derivative, Bra, Ket, evaluation bars); text says which. Equal only to an identical node.
     */
    OPAQUE
  }

  static LatexNode leaf(Kind kind, String text) {
    return new LatexNode(kind, text, List.of());
  }

  static LatexNode of(Kind kind, LatexNode... args) {
    return new LatexNode(kind, "", List.of(args));
  }

  static LatexNode named(Kind kind, String text, LatexNode... args) {
    return new LatexNode(kind, text, List.of(args));
  }

  /** Whether a Symbol occurs anywhere in this tree (sympy's {@code atoms(Symbol)} non-empty). */
  boolean hasSymbol() {
    if (kind == Kind.SYMBOL) {
      return true;
    }
    for (LatexNode a : args) {
      if (a.hasSymbol()) {
        return true;
      }
    }
    return false;
  }

  boolean contains(Kind k) {
    if (kind == k) {
      return true;
    }
    for (LatexNode a : args) {
      if (a.contains(k)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    switch (kind) {
      case INTEGER:
      case FLOAT:
      case SYMBOL:
        return text;
      case INFINITY:
        return "oo";
      default:
        StringBuilder b = new StringBuilder(kind.name().toLowerCase());
        if (!text.isEmpty()) {
          b.append('[').append(text).append(']');
        }
        b.append('(');
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) {
            b.append(", ");
          }
          b.append(args.get(i));
        }
        return b.append(')').toString();
    }
  }
}
