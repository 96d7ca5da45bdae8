package io.podium.scoring.math;

import java.math.BigInteger;

/**
 * A value of an expression at one point: an exact rational when every step was exact, else a
 * complex double. {@link #isFloat} marks values that went through a sympy Float, whose arithmetic
 * sympy does in binary floating point as well.
 */
final class Num {

  /** Exact rationals whose numerator or denominator outgrow this many bits turn inexact. */
  static final int MAX_BITS = 20_000;

  final BigInteger p;
  final BigInteger q;
  final double re;
  final double im;
  final boolean isFloat;
  /** Whether a step was inexact for another reason (a root, a logarithm, a trig function...). */
  final boolean irrational;

  private Num(BigInteger p, BigInteger q, double re, double im, boolean isFloat,
      boolean irrational) {
    this.p = p;
    this.q = q;
    this.re = re;
    this.im = im;
    this.isFloat = isFloat;
    this.irrational = irrational;
  }

  static final Num NAN = new Num(null, null, Double.NaN, 0, false, true);

  static Num exact(BigInteger p, BigInteger q) {
    if (q.signum() == 0) {
      return NAN;
    }
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    BigInteger g = p.gcd(q);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      p = p.divide(g);
      q = q.divide(g);
    }
    if (p.bitLength() > MAX_BITS || q.bitLength() > MAX_BITS) {
      return new Num(null, null, ratioToDouble(p, q), 0, false, true);
    }
    return new Num(p, q, ratioToDouble(p, q), 0, false, false);
  }

  static Num integer(long v) {
    return exact(BigInteger.valueOf(v), BigInteger.ONE);
  }

  /** An inexact value; the flags say why it is inexact. */
  static Num approx(double re, double im, boolean isFloat, boolean irrational) {
    return new Num(null, null, re, im, isFloat, irrational);
  }

  /** A value computed inexactly from a and b (flags carried over, irrational when asked). */
  static Num from(double re, double im, Num a, Num b, boolean irrational) {
    boolean f = a.isFloat || (b != null && b.isFloat);
    boolean irr = irrational || a.irrational || (b != null && b.irrational);
    return new Num(null, null, re, im, f, irr);
  }

  static double ratioToDouble(BigInteger p, BigInteger q) {
    return new java.math.BigDecimal(p).divide(new java.math.BigDecimal(q),
        new java.math.MathContext(40)).doubleValue();
  }

  boolean isExact() {
    return p != null;
  }

  boolean isReal() {
    return isExact() || im == 0;
  }

  boolean isInteger() {
    return isExact() && q.equals(BigInteger.ONE);
  }

  boolean isFinite() {
    return Double.isFinite(re) && Double.isFinite(im);
  }

  @Override
  public String toString() {
    return isExact() ? p + "/" + q : re + (im != 0 ? "+" + im + "i" : "") + (isFloat ? "f" : "");
  }
}
