package io.podium.scoring.math;

import io.podium.scoring.math.LatexLexer.T;
import io.podium.scoring.math.LatexLexer.Token;
import io.podium.scoring.math.LatexNode.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-written port of sympy's {@code parse_latex} (the ANTLR LaTeX.g4 grammar and its
 * visitor, sympy 1.12-1.14): accepts and rejects what it does and builds the same expression.
 *
 * <p>The grammar's start rule has no EOF, so sympy parses the longest sensible prefix and drops
 * the rest ({@code "1,2"} is 1, {@code "5-"} is 5). This port parses with backtracking: each
 * loop (implicit multiplication, operators, postfix operators, exponents) continues only when
 * the continuation parses, which is what ANTLR's adaptive prediction decides in practice. Where
 * ANTLR commits on one token and then fails, the parse fails here too: a relation operator with
 * no right side ({@code "x="}) and a decimal point with no digit after it ({@code "1."}).
 * Integers written with a leading zero ({@code "01"}) fail as sympy's {@code Number("01")} does.
 */
final class LatexParser {

  /** Why a string does not parse. */
  static class ParseError extends Exception {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * An error ANTLR reports once its prediction has committed: a one-digit number followed by a
   * decimal point and no digit ({@code "1."}), a name or power followed by "_" and no subscript
   * ({@code "x_"}). It fails the parse where ANTLR had committed (first operand, right of an
   * operator), but only ends the parse where it was trying one more implicit factor
   * ({@code "x1."} is x, {@code "2x_"} is 2).
   */
  static final class CommittedError extends ParseError {
    CommittedError(String message) {
      super(message);
    }
  }

  private static final int MAX_STEPS = 2_000_000;

  private final List<Token> tokens;
  private final String source;
  private int pos;
  private int steps;

  private final boolean lexError;

  private LatexParser(List<Token> tokens, String source, boolean lexError) {
    this.tokens = tokens;
    this.source = source;
    this.lexError = lexError;
  }

  /** The expression sympy's parse_latex returns for s; ParseError where it raises. */
  static LatexNode parse(String s) throws ParseError {
    String src = PythonText.strip(s);
    LatexLexer.Lexed lexed = LatexLexer.tokenize(src);
    LatexParser p = new LatexParser(lexed.tokens(), src, lexed.lexError());
    LatexNode n = p.relation();
    if (n == null) {
      throw new ParseError("I expected something else here");
    }
    return n;
  }

  // ---------------------------------------------------------------- token helpers

  private T peek() throws ParseError {
    return peek(0);
  }

  /** The type of the token k ahead; reading past a lexer error fails the parse. */
  private T peek(int k) throws ParseError {
    if (pos + k < tokens.size()) {
      return tokens.get(pos + k).type();
    }
    if (lexError) {
      throw new ParseError("I don't understand this");
    }
    return null;
  }

  private boolean at(T t) throws ParseError {
    return peek() == t;
  }

  private Token next() {
    return tokens.get(pos++);
  }

  private boolean accept(T t) throws ParseError {
    if (at(t)) {
      pos++;
      return true;
    }
    return false;
  }

  private void tick() throws ParseError {
    if (++steps > MAX_STEPS) {
      throw new ParseError("too complex");
    }
  }

  // ---------------------------------------------------------------- rules

  /** relation: expr ((= | < | <= | > | >= | \neq) expr)*, left-assoc; a dangling operator fails. */
  private LatexNode relation() throws ParseError {
    LatexNode left = expr();
    if (left == null) {
      return null;
    }
    while (true) {
      T t = peek();
      String op;
      if (t == T.EQUAL) {
        op = "=";
      } else if (t == T.LT) {
        op = "<";
      } else if (t == T.LTE) {
        op = "<=";
      } else if (t == T.GT) {
        op = ">";
      } else if (t == T.GTE) {
        op = ">=";
      } else if (t == T.NEQ) {
        op = "!=";
      } else {
        return left;
      }
      pos++;
      LatexNode right = expr();
      if (right == null) {
        throw new ParseError("I expected something else here");
      }
      left = LatexNode.named(Kind.RELATION, op, left, right);
    }
  }

  private LatexNode expr() throws ParseError {
    return additive();
  }

  private LatexNode additive() throws ParseError {
    tick();
    LatexNode left = mp(false);
    if (left == null) {
      return null;
    }
    while (at(T.ADD) || at(T.SUB)) {
      int save = pos;
      boolean sub = next().type() == T.SUB;
      LatexNode right = mp(false);
      if (right == null) {
        pos = save;
        break;
      }
      left = LatexNode.of(Kind.ADD, left, sub ? LatexNode.of(Kind.NEG, right) : right);
    }
    return left;
  }

  private static boolean isMulOp(T t) {
    return t == T.MUL || t == T.CMD_TIMES || t == T.CMD_CDOT;
  }

  private static boolean isDivOp(T t) {
    return t == T.DIV || t == T.CMD_DIV || t == T.COLON;
  }

  /** mp (and mp_nofunc when noFunc): unary ((* | \times | \cdot | / | \div | :) unary)*. */
  /** How deep in unparenthesized function arguments the parse is. */
  private int noFuncDepth;

  private LatexNode mp(boolean noFunc) throws ParseError {
    if (noFunc) {
      noFuncDepth++;
      try {
        return mpLoop(true);
      } finally {
        noFuncDepth--;
      }
    }
    return mpLoop(false);
  }

  private LatexNode mpLoop(boolean noFunc) throws ParseError {
    tick();
    LatexNode left = unary(noFunc);
    if (left == null) {
      return null;
    }
    while (isMulOp(peek()) || isDivOp(peek())) {
      int save = pos;
      boolean div = isDivOp(next().type());
      LatexNode right = unary(noFunc);
      if (right == null) {
        pos = save;
        break;
      }
      left = div
          ? LatexNode.of(Kind.MUL, left, LatexNode.of(Kind.POW, right, minusOne()))
          : LatexNode.of(Kind.MUL, left, right);
    }
    return left;
  }

  private static LatexNode minusOne() {
    return LatexNode.leaf(Kind.INTEGER, "-1");
  }

  /**
   * unary: (+ | -) unary | postfix+; with {@code noFunc}, unary_nofunc: (+ | -) unary_nofunc |
   * postfix postfix_nofunc* (the implicit factors after the first may not be functions).
   */
  private LatexNode unary(boolean noFunc) throws ParseError {
    tick();
    if (at(T.ADD) || at(T.SUB)) {
      int save = pos;
      boolean neg = next().type() == T.SUB;
      LatexNode u = unary(noFunc);
      if (u == null) {
        pos = save;
        return null;
      }
      return neg ? LatexNode.of(Kind.NEG, u) : u;
    }
    List<LatexNode> list = new ArrayList<>();
    LatexNode first = postfix(false);
    if (first == null) {
      return null;
    }
    list.add(first);
    while (true) {
      int save = pos;
      LatexNode p = speculativePostfix(noFunc);
      if (p == null) {
        pos = save;
        break;
      }
      list.add(p);
    }
    return postfixList(list, 0);
  }

  /** One more implicit factor, or null (a dangling decimal point ends the product there). */
  private LatexNode speculativePostfix(boolean noFunc) throws ParseError {
    try {
      return postfix(noFunc);
    } catch (CommittedError e) {
      return null;
    }
  }

  /**
   * convert_postfix_list: the product of the postfix expressions, except that a lone symbol
   * {@code x} between two symbol-free factors is read as a times sign ({@code 2x3} is 6).
   */
  private static LatexNode postfixList(List<LatexNode> arr, int i) {
    LatexNode res = arr.get(i);
    if (i == arr.size() - 1) {
      return res;
    }
    if (i > 0) {
      LatexNode left = arr.get(i - 1);
      LatexNode right = arr.get(i + 1);
      if (!left.hasSymbol() && !right.hasSymbol() && res.kind() == Kind.SYMBOL
          && res.text().equals("x")) {
        return postfixList(arr, i + 1);
      }
    }
    return LatexNode.of(Kind.MUL, res, postfixList(arr, i + 1));
  }

  /** postfix: exp (! | eval_at)*. */
  private LatexNode postfix(boolean noFunc) throws ParseError {
    tick();
    LatexNode e = exp(noFunc);
    if (e == null) {
      return null;
    }
    while (true) {
      if (accept(T.BANG)) {
        e = LatexNode.of(Kind.FACTORIAL, e);
        continue;
      }
      if (at(T.BAR)) {
        int save = pos;
        LatexNode at = evalAt(e);
        if (at == null) {
          pos = save;
          break;
        }
        e = at;
        continue;
      }
      break;
    }
    return e;
  }

  /** eval_at: | (^{..} | _{..} | ^{..}_{..}); kept opaque. */
  private LatexNode evalAt(LatexNode e) throws ParseError {
    pos++; // BAR
    boolean any = false;
    if (at(T.CARET)) {
      int save = pos;
      pos++;
      if (braced(true) != null) {
        any = true;
      } else {
        pos = save;
        return null;
      }
    }
    if (at(T.UNDERSCORE)) {
      int save = pos;
      pos++;
      if (braced(true) != null) {
        any = true;
      } else if (!any) {
        pos = save;
        return null;
      } else {
        pos = save;
      }
    }
    if (!any) {
      return null;
    }
    return LatexNode.named(Kind.OPAQUE, "eval_at", e);
  }

  /** { expr } or, when equality is allowed, { expr = expr }. */
  private LatexNode braced(boolean equality) throws ParseError {
    if (!accept(T.L_BRACE)) {
      return null;
    }
    LatexNode e = expr();
    if (e == null) {
      return null;
    }
    if (equality && at(T.EQUAL)) {
      int save = pos;
      pos++;
      LatexNode r = expr();
      if (r != null && accept(T.R_BRACE)) {
        return LatexNode.named(Kind.RELATION, "=", e, r);
      }
      pos = save;
    }
    return accept(T.R_BRACE) ? e : null;
  }

  /** exp: comp (^ (atom | {expr}) subexpr?)*; the subscript is parsed and dropped. */
  private LatexNode exp(boolean noFunc) throws ParseError {
    tick();
    LatexNode base = comp(noFunc);
    if (base == null) {
      return null;
    }
    while (at(T.CARET)) {
      int save = pos;
      pos++;
      LatexNode exponent = atomOrBraced();
      if (exponent == null) {
        pos = save;
        break;
      }
      if (at(T.UNDERSCORE) && subexpr() == null) {
        throw new CommittedError("I expected something else here");
      }
      base = LatexNode.of(Kind.POW, base, exponent);
    }
    return base;
  }

  private LatexNode atomOrBraced() throws ParseError {
    int save = pos;
    LatexNode a = atom();
    if (a != null) {
      return a;
    }
    pos = save;
    LatexNode b = braced(false);
    if (b == null) {
      pos = save;
    }
    return b;
  }

  /** subexpr: _ (atom | {expr}). */
  private LatexNode subexpr() throws ParseError {
    if (!accept(T.UNDERSCORE)) {
      return null;
    }
    return atomOrBraced();
  }

  /** supexpr: ^ (atom | {expr}). */
  private LatexNode supexpr() throws ParseError {
    if (!accept(T.CARET)) {
      return null;
    }
    return atomOrBraced();
  }

  /** comp: group | abs_group | func | atom | floor | ceil (func left out for comp_nofunc). */
  private LatexNode comp(boolean noFunc) throws ParseError {
    tick();
    int save = pos;
    LatexNode n = group();
    if (n != null) {
      return n;
    }
    pos = save;
    n = absGroup();
    if (n != null) {
      return n;
    }
    pos = save;
    if (!noFunc) {
      n = func();
      if (n != null) {
        return n;
      }
      pos = save;
    }
    n = atom();
    if (n != null) {
      return n;
    }
    pos = save;
    n = delimited(T.L_FLOOR, T.R_FLOOR, Kind.FLOOR);
    if (n != null) {
      return n;
    }
    pos = save;
    n = delimited(T.L_CEIL, T.R_CEIL, Kind.CEILING);
    if (n != null) {
      return n;
    }
    pos = save;
    return null;
  }

  private LatexNode delimited(T open, T close, Kind kind) throws ParseError {
    if (!accept(open)) {
      return null;
    }
    LatexNode e = expr();
    if (e == null || !accept(close)) {
      return null;
    }
    return kind == null ? e : LatexNode.of(kind, e);
  }

  /** group: (expr) | [expr] | {expr} | \{expr\}. */
  private LatexNode group() throws ParseError {
    T t = peek();
    if (t == T.L_PAREN) {
      return delimited(T.L_PAREN, T.R_PAREN, null);
    } else if (t == T.L_BRACKET) {
      return delimited(T.L_BRACKET, T.R_BRACKET, null);
    } else if (t == T.L_BRACE) {
      return delimited(T.L_BRACE, T.R_BRACE, null);
    } else if (t == T.L_BRACE_LITERAL) {
      return delimited(T.L_BRACE_LITERAL, T.R_BRACE_LITERAL, null);
    }
    return null;
  }

  private LatexNode absGroup() throws ParseError {
    return delimited(T.BAR, T.BAR, Kind.ABS);
  }

  /** The name sympy gives a letter or command with an optional subscript and primes. */
  private record Named(String name, boolean isSymbolToken, String quotes, LatexNode sub) {}

  /** (LETTER | SYMBOL) (subexpr? SINGLE_QUOTES? | SINGLE_QUOTES? subexpr?). */
  private Named named() throws ParseError {
    T t = peek();
    if (t != T.LETTER && t != T.SYMBOL) {
      return null;
    }
    Token tok = next();
    LatexNode sub = null;
    String quotes = null;
    if (at(T.UNDERSCORE)) {
      sub = subexpr();
      if (sub == null) {
        throw new CommittedError("I expected something else here");
      }
    }
    if (at(T.SINGLE_QUOTES)) {
      quotes = next().text();
    }
    if (sub == null && at(T.UNDERSCORE)) {
      sub = subexpr();
      if (sub == null) {
        throw new CommittedError("I expected something else here");
      }
    }
    boolean symbolToken = t == T.SYMBOL;
    String name = symbolToken ? tok.text().substring(1) : tok.text();
    return new Named(name, symbolToken, quotes, sub);
  }

  private LatexNode func() throws ParseError {
    tick();
    T t = peek();
    if (t == T.FUNC_NORMAL) {
      return funcNormal();
    }
    if (t == T.LETTER || t == T.SYMBOL) {
      Named nm = named();
      if (nm == null || !accept(T.L_PAREN)) {
        return null;
      }
      List<LatexNode> args = new ArrayList<>();
      while (true) {
        LatexNode a = expr();
        if (a == null) {
          return null;
        }
        args.add(a);
        if (at(T.COMMA)) {
          int save = pos;
          pos++;
          if (at(T.R_PAREN) || peek() == null) {
            pos = save;
            return null;
          }
          continue;
        }
        break;
      }
      if (!accept(T.R_PAREN)) {
        return null;
      }
      String fname = nm.name();
      if (nm.sub() != null) {
        fname += "_{" + nm.sub() + "}";
      }
      if (nm.quotes() != null) {
        fname += nm.quotes();
      }
      return new LatexNode(Kind.UNDEFINED_FUNCTION, fname, List.copyOf(args));
    }
    if (t == T.FUNC_SQRT) {
      pos++;
      LatexNode root = null;
      if (at(T.L_BRACKET)) {
        root = delimited(T.L_BRACKET, T.R_BRACKET, null);
        if (root == null) {
          return null;
        }
      }
      LatexNode base = braced(false);
      if (base == null) {
        return null;
      }
      return root == null ? LatexNode.of(Kind.ROOT, base) : LatexNode.of(Kind.ROOT, base, root);
    }
    if (t == T.FUNC_OVERLINE) {
      pos++;
      LatexNode base = braced(false);
      return base == null ? null : LatexNode.of(Kind.CONJUGATE, base);
    }
    if (t == T.FUNC_SUM || t == T.FUNC_PROD) {
      return sumOrProduct(t == T.FUNC_SUM ? "Sum" : "Product");
    }
    if (t == T.FUNC_LIM) {
      return limit();
    }
    if (t == T.FUNC_INT) {
      return integral();
    }
    return null;
  }

  /**
   * The digits a numeric sub- or superscript of a function may take, and how many the last one
   * took: ANTLR splits {@code \log_123} as log base 12 of 3, leaving the argument its digit.
   */
  private int scriptDigitLimit = Integer.MAX_VALUE;
  private int lastScriptDigits;

  private LatexNode scriptAtom() throws ParseError {
    if (!at(T.DIGIT)) {
      lastScriptDigits = 0;
      return atomOrBraced();
    }
    int start = pos;
    int run = 0;
    while (peek(run) == T.DIGIT) {
      run++;
    }
    if (run > scriptDigitLimit) {
      pos = start + scriptDigitLimit;
      lastScriptDigits = scriptDigitLimit;
      return integer(start, pos);
    }
    LatexNode n = atomOrBraced();
    lastScriptDigits = n != null && n.kind() == Kind.INTEGER ? pos - start : 0;
    return n;
  }

  private LatexNode scriptAfter(T marker) throws ParseError {
    if (!accept(marker)) {
      return null;
    }
    return scriptAtom();
  }

  private LatexNode funcNormal() throws ParseError {
    String name = next().text().substring(1);
    int afterName = pos;
    int limit = Integer.MAX_VALUE;
    while (true) {
      pos = afterName;
      scriptDigitLimit = limit;
      lastScriptDigits = 0;
      LatexNode result;
      try {
        result = funcNormalFrom(name);
      } finally {
        scriptDigitLimit = Integer.MAX_VALUE;
      }
      if (result != null || lastScriptDigits <= 1) {
        return result;
      }
      limit = lastScriptDigits - 1;
    }
  }

  private LatexNode funcNormalFrom(String name) throws ParseError {
    LatexNode sub = null;
    LatexNode sup = null;
    int save = pos;
    // (subexpr? supexpr? | supexpr? subexpr?)
    if (at(T.UNDERSCORE)) {
      sub = scriptAfter(T.UNDERSCORE);
      if (sub == null) {
        pos = save;
      } else if (at(T.CARET)) {
        sup = scriptAfter(T.CARET);
        if (sup == null) {
          throw new CommittedError("I expected something else here");
        }
      }
    } else if (at(T.CARET)) {
      sup = scriptAfter(T.CARET);
      if (sup == null) {
        pos = save;
      } else if (at(T.UNDERSCORE)) {
        sub = scriptAfter(T.UNDERSCORE);
        if (sub == null) {
          throw new CommittedError("I expected something else here");
        }
      }
    }
    LatexNode arg = null;
    int beforeArg = pos;
    if (at(T.L_PAREN)) {
      pos++;
      LatexNode first = expr();
      if (first != null) {
        // func_arg: expr | expr ',' func_arg; only the first expression is used
        boolean ok = true;
        while (at(T.COMMA)) {
          int s3 = pos;
          pos++;
          if (expr() == null) {
            pos = s3;
            ok = false;
            break;
          }
        }
        if (ok && accept(T.R_PAREN)) {
          arg = first;
        }
      }
      if (arg == null) {
        pos = beforeArg;
      }
    }
    if (arg == null) {
      arg = mp(true);
      if (arg == null) {
        return null;
      }
    }
    return applyFunction(name, arg, sub, sup);
  }

  private static final List<String> TRIG = List.of(
      "sin", "cos", "tan", "csc", "sec", "cot", "sinh", "cosh", "tanh");

  /** convert_func for the named functions (\sin, \log_b, \arcsin, \sin^{-1}, \cos^2...). */
  private static LatexNode applyFunction(String name, LatexNode arg, LatexNode sub,
      LatexNode sup) {
    LatexNode expr = null;
    switch (name) {
      case "arcsin", "arccos", "arctan", "arccsc", "arcsec", "arccot" ->
          expr = LatexNode.named(Kind.FUNCTION, "a" + name.substring(3), arg);
      case "arsinh", "arcosh", "artanh" ->
          expr = LatexNode.named(Kind.FUNCTION, "a" + name.substring(2), arg);
      case "exp" -> expr = LatexNode.named(Kind.FUNCTION, "exp", arg);
      case "log", "lg", "ln" -> {
        if (sub != null) {
          expr = LatexNode.of(Kind.LOG, arg, sub);
        } else if (name.equals("lg")) {
          expr = LatexNode.of(Kind.LOG, arg, LatexNode.leaf(Kind.INTEGER, "10"));
        } else {
          expr = LatexNode.of(Kind.LOG, arg); // base E
        }
      }
      default -> { }
    }
    boolean shouldPow = true;
    if (TRIG.contains(name)) {
      String fn = name;
      if (sup != null && isMinusOne(sup)) {
        fn = "a" + name;
        shouldPow = false;
      }
      expr = LatexNode.named(Kind.FUNCTION, fn, arg);
    }
    if (sup != null && shouldPow) {
      expr = LatexNode.of(Kind.POW, expr, sup);
    }
    return expr;
  }

  private static boolean isMinusOne(LatexNode n) {
    return n.kind() == Kind.NEG && n.args().get(0).kind() == Kind.INTEGER
        && n.args().get(0).text().equals("1")
        || n.kind() == Kind.INTEGER && n.text().equals("-1");
  }

  /** (\sum | \prod) (subeq supexpr | supexpr subeq) mp; kept opaque. */
  private LatexNode sumOrProduct(String what) throws ParseError {
    pos++;
    int save = pos;
    LatexNode a = subeq();
    LatexNode b = a != null ? supexpr() : null;
    if (a == null || b == null) {
      pos = save;
      b = supexpr();
      a = b != null ? subeq() : null;
      if (a == null || b == null) {
        return null;
      }
    }
    LatexNode body = mp(false);
    if (body == null) {
      return null;
    }
    return LatexNode.named(Kind.OPAQUE, what, body, a, b);
  }

  /** subeq: _ { expr = expr }. */
  private LatexNode subeq() throws ParseError {
    if (!accept(T.UNDERSCORE) || !accept(T.L_BRACE)) {
      return null;
    }
    LatexNode l = expr();
    if (l == null || !accept(T.EQUAL)) {
      return null;
    }
    LatexNode r = expr();
    if (r == null || !accept(T.R_BRACE)) {
      return null;
    }
    return LatexNode.named(Kind.RELATION, "=", l, r);
  }

  /** \lim _{ v \to expr (^ ({+}|{-}|+|-))? } mp; kept opaque. */
  private LatexNode limit() throws ParseError {
    pos++;
    if (!accept(T.UNDERSCORE) || !accept(T.L_BRACE)) {
      return null;
    }
    if (!at(T.LETTER) && !at(T.SYMBOL)) {
      return null;
    }
    String var = next().text();
    if (!accept(T.LIM_APPROACH_SYM)) {
      return null;
    }
    LatexNode to = expr();
    if (to == null) {
      return null;
    }
    String dir = "+-";
    if (at(T.CARET)) {
      int save = pos;
      pos++;
      if (at(T.L_BRACE) && (peek(1) == T.ADD || peek(1) == T.SUB) && peek(2) == T.R_BRACE) {
        dir = peek(1) == T.ADD ? "+" : "-";
        pos += 3;
      } else if (at(T.ADD) || at(T.SUB)) {
        dir = next().type() == T.ADD ? "+" : "-";
      } else {
        pos = save;
      }
    }
    if (!accept(T.R_BRACE)) {
      return null;
    }
    LatexNode body = mp(false);
    if (body == null) {
      return null;
    }
    return LatexNode.named(Kind.OPAQUE, "Limit[" + var + "," + dir + "]", body, to);
  }

  /** \int (sub sup | sup sub)? (additive? DIFFERENTIAL | frac | additive); kept opaque. */
  private LatexNode integral() throws ParseError {
    pos++;
    int save = pos;
    LatexNode lo = null;
    LatexNode hi = null;
    if (at(T.UNDERSCORE)) {
      lo = subexpr();
      hi = lo != null ? supexpr() : null;
      if (lo == null || hi == null) {
        pos = save;
        lo = hi = null;
      }
    } else if (at(T.CARET)) {
      hi = supexpr();
      lo = hi != null ? subexpr() : null;
      if (lo == null || hi == null) {
        pos = save;
        lo = hi = null;
      }
    }
    int start = pos;
    LatexNode body = additive();
    if (body != null && at(T.DIFFERENTIAL)) {
      String d = next().text();
      return opaqueIntegral(body, d, lo, hi);
    }
    pos = start;
    if (at(T.DIFFERENTIAL)) {
      String d = next().text();
      return opaqueIntegral(LatexNode.leaf(Kind.INTEGER, "1"), d, lo, hi);
    }
    pos = start;
    body = additive();
    if (body == null) {
      return null;
    }
    return opaqueIntegral(body, "", lo, hi);
  }

  private static LatexNode opaqueIntegral(LatexNode body, String d, LatexNode lo,
      LatexNode hi) {
    List<LatexNode> args = new ArrayList<>();
    args.add(body);
    if (lo != null) {
      args.add(lo);
      args.add(hi);
    }
    return new LatexNode(Kind.OPAQUE, "Integral[" + d + "]", List.copyOf(args));
  }

  /** atom: named symbol | number | DIFFERENTIAL | mathit | frac | binom | bra | ket. */
  private LatexNode atom() throws ParseError {
    tick();
    T t = peek();
    if (t == null) {
      return null;
    }
    switch (t) {
      case LETTER, SYMBOL -> {
        Named nm = named();
        if (nm.isSymbolToken() && nm.name().equals("infty")) {
          return LatexNode.leaf(Kind.INFINITY, "oo");
        }
        String name = nm.name();
        if (nm.sub() != null) {
          name += "_{" + nm.sub() + "}";
        }
        if (!nm.isSymbolToken() && nm.quotes() != null) {
          name += nm.quotes();
        }
        return LatexNode.leaf(Kind.SYMBOL, name);
      }
      case DIGIT -> {
        return number();
      }
      case DIFFERENTIAL -> {
        String text = next().text();
        int i = 1;
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
          i++;
        }
        String var = text.substring(i);
        if (var.startsWith("\\")) {
          var = var.substring(1);
        }
        return LatexNode.leaf(Kind.SYMBOL, "d" + var);
      }
      case CMD_MATHIT -> {
        pos++;
        if (!accept(T.L_BRACE)) {
          return null;
        }
        int first = pos;
        while (at(T.LETTER)) {
          pos++;
        }
        if (!accept(T.R_BRACE)) {
          return null;
        }
        if (pos - 1 == first) {
          return null; // \mathit{}: sympy's rule2text fails on the empty rule
        }
        String text = source.substring(tokens.get(first).start(), tokens.get(pos - 2).end());
        return LatexNode.leaf(Kind.SYMBOL, text);
      }
      case CMD_FRAC -> {
        return frac();
      }
      case CMD_BINOM -> {
        pos++;
        LatexNode n = braced(false);
        if (n == null) {
          return null;
        }
        LatexNode k = braced(false);
        return k == null ? null : LatexNode.of(Kind.BINOMIAL, n, k);
      }
      case L_ANGLE -> {
        pos++;
        LatexNode e = expr();
        if (e == null || !(accept(T.R_BAR) || accept(T.BAR))) {
          return null;
        }
        return LatexNode.named(Kind.OPAQUE, "Bra", e);
      }
      case L_BAR, BAR -> {
        pos++;
        LatexNode e = expr();
        if (e == null || !accept(T.R_ANGLE)) {
          return null;
        }
        return LatexNode.named(Kind.OPAQUE, "Ket", e);
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * number: DIGIT+ (, DIGIT DIGIT DIGIT)* (. DIGIT+)?; sympy.Number of the text without commas.
   * Before a decimal point with no digit after it, ANTLR's prediction gives up on the last
   * thousands group, or, without groups, ends the number after its first digit (the other
   * digits become implicit factors: {@code "123."} is 1*2); a single digit there is an error.
   */
  private LatexNode number() throws ParseError {
    int start = pos;
    while (at(T.DIGIT)) {
      pos++;
    }
    int runEnd = pos;
    List<Integer> groupStarts = new ArrayList<>();
    while (at(T.COMMA) && peek(1) == T.DIGIT && peek(2) == T.DIGIT && peek(3) == T.DIGIT) {
      groupStarts.add(pos);
      pos += 4;
    }
    boolean danglingDot = at(T.DOT) && peek(1) != T.DIGIT;
    if (danglingDot) {
      if (!groupStarts.isEmpty()) {
        pos = groupStarts.get(groupStarts.size() - 1);
      } else if (runEnd - start > 1 && noFuncDepth == 0) {
        pos = start + 1;
      } else {
        throw new CommittedError("I expected one of these: <INVALID>");
      }
      return integer(start, pos);
    }
    if (at(T.DOT)) {
      pos++;
      int fractionStart = pos;
      while (at(T.DIGIT)) {
        pos++;
      }
      if (at(T.DOT) && pos - fractionStart > 1) {
        pos--; // likewise the last decimal before another point is left out ("1.25." is 1.2)
      }
      return LatexNode.leaf(Kind.FLOAT, digits(start, pos));
    }
    return integer(start, pos);
  }

  private String digits(int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token t = tokens.get(i);
      if (t.type() == T.DIGIT || t.type() == T.DOT) {
        b.append(t.text());
      }
    }
    return b.toString();
  }

  private LatexNode integer(int from, int to) throws ParseError {
    String digits = digits(from, to);
    if (digits.length() > 1 && digits.charAt(0) == '0' && !digits.matches("0+")) {
      // sympy.Number("01") raises SympifyError (not a Python integer literal)
      throw new ParseError("could not parse '" + digits + "'");
    }
    return LatexNode.leaf(Kind.INTEGER, digits);
  }

  /** frac: \frac (DIGIT | {expr}) (DIGIT | {expr}); d/dx forms are kept opaque. */
  private LatexNode frac() throws ParseError {
    pos++;
    int upperStart = pos;
    LatexNode upper = fracPart();
    if (upper == null) {
      return null;
    }
    int upperEnd = pos;
    int lowerStart = pos;
    LatexNode lower = fracPart();
    if (lower == null) {
      return null;
    }
    int lowerEnd = pos;
    // a lower part that is one DIFFERENTIAL token, or \partial and a letter: a derivative
    if (lowerEnd - lowerStart == 3 && tokens.get(lowerStart + 1).type() == T.DIFFERENTIAL
        || lowerEnd - lowerStart == 4 && tokens.get(lowerStart + 1).text().equals("\\partial")
        && (tokens.get(lowerStart + 2).type() == T.LETTER
        || tokens.get(lowerStart + 2).type() == T.SYMBOL)) {
      if (upperEnd - upperStart > 1) {
        return LatexNode.named(Kind.OPAQUE, "Derivative", upper, lower);
      }
    }
    LatexNode inverse = LatexNode.of(Kind.POW, lower, minusOne());
    if (isOne(upper)) {
      return inverse;
    }
    return LatexNode.of(Kind.MUL, upper, inverse);
  }

  private static boolean isOne(LatexNode n) {
    return n.kind() == Kind.INTEGER && n.text().equals("1")
        || n.kind() == Kind.FLOAT && Double.parseDouble(n.text()) == 1.0;
  }

  private LatexNode fracPart() throws ParseError {
    if (at(T.DIGIT)) {
      String d = next().text();
      return LatexNode.leaf(Kind.INTEGER, d);
    }
    int save = pos;
    LatexNode e = braced(false);
    if (e == null) {
      pos = save;
    }
    return e;
  }
}
