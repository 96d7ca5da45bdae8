package io.podium.scoring.math;

import io.podium.scoring.math.LatexNode.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link LatexNode} at one point (a value for each symbol): exactly while the
 * arithmetic stays rational, in complex doubles otherwise, following sympy's conventions
 * (principal roots and logarithms, 0^-n undefined, Float arithmetic in binary floating point).
 */
final class Evaluator {

  /** Thrown for what this evaluator does not compute (opaque constructs, complex trig...). */
  static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private static final int MAX_EXPONENT = 100_000;
  private static final int MAX_FACTORIAL = 3_000;

  private final Map<String, Num> symbols;
  private final int point;

  Evaluator(Map<String, Num> symbols, int point) {
    this.symbols = symbols;
    this.point = point;
  }

  Num eval(LatexNode n) throws Unsupported {
    List<LatexNode> a = n.args();
    switch (n.kind()) {
      case INTEGER:
        return Num.exact(new BigInteger(n.text()), BigInteger.ONE);
      case FLOAT: {
        // sympy's Float keeps at least 15 digits, more when written: beyond 15 it is not a
        // double, and is compared here as the exact decimal
        BigDecimal d = new BigDecimal(n.text());
        if (d.stripTrailingZeros().precision() > 15) {
          return Num.exact(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }
        return Num.approx(d.doubleValue(), 0, true, false);
      }
      case SYMBOL: {
        Num v = symbols.get(n.text());
        if (v == null) {
          throw new Unsupported("no value for " + n.text());
        }
        return v;
      }
      case ADD:
        return add(eval(a.get(0)), eval(a.get(1)));
      case MUL:
        return mul(eval(a.get(0)), eval(a.get(1)));
      case NEG:
        return neg(eval(a.get(0)));
      case POW:
        return pow(eval(a.get(0)), eval(a.get(1)));
      case ROOT: {
        Num base = eval(a.get(0));
        Num index = a.size() > 1 ? eval(a.get(1)) : Num.integer(2);
        return pow(base, div(Num.integer(1), index));
      }
      case FACTORIAL:
        return factorial(eval(a.get(0)));
      case ABS:
        return abs(eval(a.get(0)));
      case FLOOR:
        return floorOrCeiling(eval(a.get(0)), true);
      case CEILING:
        return floorOrCeiling(eval(a.get(0)), false);
      case CONJUGATE: {
        Num v = eval(a.get(0));
        return v.isExact() ? v : Num.from(v.re, -v.im, v, null, false);
      }
      case BINOMIAL:
        return binomial(eval(a.get(0)), eval(a.get(1)));
      case FUNCTION:
        return function(n.text(), eval(a.get(0)));
      case LOG: {
        Num x = eval(a.get(0));
        Num lx = ln(x);
        if (a.size() == 1) {
          return lx;
        }
        return div(lx, ln(eval(a.get(1))));
      }
      case UNDEFINED_FUNCTION:
        return undefinedFunction(n);
      default:
        throw new Unsupported(n.kind().name());
    }
  }

  // ---------------------------------------------------------------- arithmetic

  static Num add(Num x, Num y) {
    if (x.isExact() && y.isExact()) {
      return Num.exact(x.p.multiply(y.q).add(y.p.multiply(x.q)), x.q.multiply(y.q));
    }
    return Num.from(x.re + y.re, x.im + y.im, x, y, false);
  }

  static Num neg(Num x) {
    if (x.isExact()) {
      return Num.exact(x.p.negate(), x.q);
    }
    return Num.from(-x.re, -x.im, x, null, false);
  }

  static Num mul(Num x, Num y) {
    if (x.isExact() && y.isExact()) {
      return Num.exact(x.p.multiply(y.p), x.q.multiply(y.q));
    }
    if (x.im == 0 && y.im == 0) {
      return Num.from(x.re * y.re, 0, x, y, false);
    }
    return Num.from(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re, x, y, false);
  }

  static Num div(Num x, Num y) {
    return mul(x, inverse(y));
  }

  static Num inverse(Num y) {
    if (y.isExact()) {
      return y.p.signum() == 0 ? Num.NAN : Num.exact(y.q, y.p);
    }
    if (y.im == 0) {
      return y.re == 0 ? Num.NAN : Num.from(1 / y.re, 0, y, null, false);
    }
    double d = y.re * y.re + y.im * y.im;
    return Num.from(y.re / d, -y.im / d, y, null, false);
  }

  static Num pow(Num b, Num e) {
    if (b.isExact() && e.isExact()) {
      if (e.isInteger()) {
        BigInteger k = e.p;
        if (b.p.signum() == 0) {
          return k.signum() < 0 ? Num.NAN : k.signum() == 0 ? Num.integer(1) : Num.integer(0);
        }
        if (k.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) <= 0) {
          int ki = k.intValue();
          long bits = (long) Math.max(b.p.bitLength(), b.q.bitLength()) * Math.abs(ki);
          if (bits <= Num.MAX_BITS) {
            BigInteger np = b.p.pow(Math.abs(ki));
            BigInteger nq = b.q.pow(Math.abs(ki));
            return ki >= 0 ? Num.exact(np, nq) : Num.exact(nq, np);
          }
        }
      } else if (b.p.signum() >= 0 && e.q.bitLength() < 31) {
        int d = e.q.intValue();
        BigInteger rp = exactRoot(b.p, d);
        BigInteger rq = exactRoot(b.q, d);
        if (rp != null && rq != null) {
          return pow(Num.exact(rp, rq), Num.exact(e.p, BigInteger.ONE));
        }
      }
    }
    return complexPow(b, e);
  }

  private static Num complexPow(Num b, Num e) {
    if (b.im == 0 && e.im == 0) {
      if (b.re > 0) {
        return Num.from(Math.pow(b.re, e.re), 0, b, e, true);
      }
      if (b.re == 0) {
        return e.re > 0 ? Num.from(0, 0, b, e, true) : e.re == 0 ? Num.from(1, 0, b, e, true)
            : Num.NAN;
      }
      if (e.re == Math.rint(e.re)) {
        return Num.from(Math.pow(b.re, e.re), 0, b, e, true);
      }
    }
    if (b.re == 0 && b.im == 0) {
      return e.re > 0 ? Num.from(0, 0, b, e, true) : Num.NAN;
    }
    // principal value: exp(e * log(b))
    double lr = Math.log(Math.hypot(b.re, b.im));
    double li = Math.atan2(b.im, b.re);
    double xr = e.re * lr - e.im * li;
    double xi = e.re * li + e.im * lr;
    double m = Math.exp(xr);
    return Num.from(m * Math.cos(xi), m * Math.sin(xi), b, e, true);
  }

  /** The exact d-th root of a non-negative integer, or null. */
  static BigInteger exactRoot(BigInteger v, int d) {
    if (v.signum() == 0 || v.equals(BigInteger.ONE)) {
      return v;
    }
    if (d == 2) {
      BigInteger r = v.sqrt();
      return r.multiply(r).equals(v) ? r : null;
    }
    double approx = Math.pow(v.doubleValue(), 1.0 / d);
    if (!Double.isFinite(approx)) {
      return null;
    }
    BigInteger guess = BigDecimal.valueOf(Math.rint(approx)).toBigInteger();
    for (int delta = -1; delta <= 1; delta++) {
      BigInteger r = guess.add(BigInteger.valueOf(delta));
      if (r.signum() > 0 && r.pow(d).equals(v)) {
        return r;
      }
    }
    return null;
  }

  private static Num factorial(Num x) throws Unsupported {
    if (x.isInteger()) {
      if (x.p.signum() < 0) {
        return Num.NAN;
      }
      if (x.p.compareTo(BigInteger.valueOf(MAX_FACTORIAL)) <= 0) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= x.p.intValue(); i++) {
          f = f.multiply(BigInteger.valueOf(i));
        }
        return Num.exact(f, BigInteger.ONE);
      }
      return Num.from(Double.POSITIVE_INFINITY, 0, x, null, true);
    }
    if (x.im != 0) {
      throw new Unsupported("complex factorial");
    }
    return Num.from(gamma(x.re + 1), 0, x, null, true);
  }

  private static Num binomial(Num n, Num k) throws Unsupported {
    if (n.isInteger() && k.isInteger()) {
      if (k.p.signum() < 0) {
        return Num.integer(0);
      }
      if (k.p.compareTo(BigInteger.valueOf(MAX_FACTORIAL)) <= 0) {
        int kk = k.p.intValue();
        Num r = Num.integer(1);
        for (int i = 0; i < kk; i++) {
          r = mul(r, Num.exact(n.p.subtract(BigInteger.valueOf(i)), BigInteger.valueOf(i + 1)));
        }
        return r;
      }
    }
    if (n.im != 0 || k.im != 0) {
      throw new Unsupported("complex binomial");
    }
    double v = gamma(n.re + 1) / (gamma(k.re + 1) * gamma(n.re - k.re + 1));
    return Num.from(v, 0, n, k, true);
  }

  private static Num abs(Num x) {
    if (x.isExact()) {
      return Num.exact(x.p.abs(), x.q);
    }
    return Num.from(Math.hypot(x.re, x.im), 0, x, null, x.im != 0);
  }

  private static Num floorOrCeiling(Num x, boolean floor) throws Unsupported {
    if (x.isExact()) {
      BigInteger[] qr = x.p.divideAndRemainder(x.q);
      BigInteger r = qr[0];
      if (qr[1].signum() != 0) {
        if (floor && x.p.signum() < 0) {
          r = r.subtract(BigInteger.ONE);
        } else if (!floor && x.p.signum() > 0) {
          r = r.add(BigInteger.ONE);
        }
      }
      return Num.exact(r, BigInteger.ONE);
    }
    if (x.im != 0 || !x.isFinite()) {
      throw new Unsupported("floor of a complex value");
    }
    double v = floor ? Math.floor(x.re) : Math.ceil(x.re);
    return Num.exact(new BigDecimal(v).setScale(0, RoundingMode.UNNECESSARY).toBigInteger(),
        BigInteger.ONE);
  }

  private static Num ln(Num x) {
    if (x.isExact() && x.p.equals(x.q)) {
      return Num.integer(0);
    }
    if (x.im == 0 && x.re > 0) {
      return Num.from(Math.log(x.re), 0, x, null, true);
    }
    if (x.re == 0 && x.im == 0) {
      return Num.NAN;
    }
    return Num.from(Math.log(Math.hypot(x.re, x.im)), Math.atan2(x.im, x.re), x, null, true);
  }

  private static Num function(String name, Num x) throws Unsupported {
    if (x.im != 0) {
      throw new Unsupported("complex argument to " + name);
    }
    if (x.isExact() && x.p.signum() == 0) {
      switch (name) {
        case "sin", "tan", "asin", "atan", "sinh", "tanh", "asinh", "atanh":
          return Num.integer(0);
        case "cos", "cosh", "exp":
          return Num.integer(1);
        default:
          break;
      }
    }
    double v = x.re;
    double r = switch (name) {
      case "sin" -> Math.sin(v);
      case "cos" -> Math.cos(v);
      case "tan" -> Math.tan(v);
      case "csc" -> 1 / Math.sin(v);
      case "sec" -> 1 / Math.cos(v);
      case "cot" -> 1 / Math.tan(v);
      case "asin" -> Math.asin(v);
      case "acos" -> Math.acos(v);
      case "atan" -> Math.atan(v);
      case "acsc" -> Math.asin(1 / v);
      case "asec" -> Math.acos(1 / v);
      case "acot" -> Math.atan(1 / v);
      case "sinh" -> Math.sinh(v);
      case "cosh" -> Math.cosh(v);
      case "tanh" -> Math.tanh(v);
      case "asinh" -> Math.log(v + Math.sqrt(v * v + 1));
      case "acosh" -> Math.log(v + Math.sqrt(v * v - 1));
      case "atanh" -> 0.5 * Math.log((1 + v) / (1 - v));
      case "exp" -> Math.exp(v);
      default -> throw new Unsupported(name);
    };
    return Num.from(r, 0, x, null, true);
  }

  /** An undefined function f(args): a fixed pseudo-random value of its name and arguments. */
  private Num undefinedFunction(LatexNode n) throws Unsupported {
    long h = n.text().hashCode() * 1_000_003L + point;
    boolean exact = true;
    Num first = null;
    for (LatexNode arg : n.args()) {
      Num v = eval(arg);
      if (first == null) {
        first = v;
      }
      if (v.isExact()) {
        h = h * 31 + v.p.hashCode() * 17L + v.q.hashCode();
      } else {
        exact = false;
        h = h * 31 + Double.hashCode(round(v.re)) * 17L + Double.hashCode(round(v.im));
      }
    }
    Num value = Symbols.generic(h);
    return exact ? value : Num.from(value.re, 0, first, null, true);
  }

  private static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new BigDecimal(v).round(new java.math.MathContext(9)).doubleValue();
  }

  /** Lanczos approximation of the gamma function for real arguments. */
  static double gamma(double x) {
    if (x == Math.rint(x) && x <= 0) {
      return Double.NaN;
    }
    if (x < 0.5) {
      return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
    }
    double[] g = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};
    x -= 1;
    double a = g[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += g[i] / (x + i);
    }
    return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
  }
}
