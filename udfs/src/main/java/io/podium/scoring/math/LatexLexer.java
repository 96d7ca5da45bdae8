package io.podium.scoring.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokenizes LaTeX as the lexer of sympy's LaTeX.g4 does: longest match, ties to the rule
 * defined first, spacing commands and {@code \left}/{@code \right} skipped. A character no rule
 * matches makes the parse fail if the parser reads that far (sympy's error listener raises on
 * lexer errors).
 */
final class LatexLexer {

  enum T {
    ADD, SUB, MUL, DIV, L_PAREN, R_PAREN, L_BRACE, R_BRACE, L_BRACE_LITERAL, R_BRACE_LITERAL,
    L_BRACKET, R_BRACKET, BAR, R_BAR, L_BAR, L_ANGLE, R_ANGLE, FUNC_LIM, LIM_APPROACH_SYM,
    FUNC_INT, FUNC_SUM, FUNC_PROD, FUNC_NORMAL, L_FLOOR, R_FLOOR, L_CEIL, R_CEIL, FUNC_SQRT,
    FUNC_OVERLINE, CMD_TIMES, CMD_CDOT, CMD_DIV, CMD_FRAC, CMD_BINOM, CMD_MATHIT, UNDERSCORE,
    CARET, COLON, DIFFERENTIAL, LETTER, DIGIT, EQUAL, NEQ, LT, LTE, GT, GTE, BANG,
    SINGLE_QUOTES, SYMBOL, COMMA, DOT, SKIP
  }

  record Token(T type, String text, int start, int end) {}

  private record Fixed(String text, T type) {}

  /** Fixed-text rules in the grammar's order (the order breaks ties between equal lengths). */
  private static final List<Fixed> FIXED = new ArrayList<>();

  private static void fixed(T type, String... texts) {
    for (String t : texts) {
      FIXED.add(new Fixed(t, type));
    }
  }

  static {
    // implicit literal tokens of the parser rules come first
    fixed(T.COMMA, ",");
    fixed(T.DOT, ".");
    fixed(T.SKIP, "\\,", "\\thinspace", "\\:", "\\medspace", "\\;", "\\thickspace", "\\quad",
        "\\qquad", "\\!", "\\negthinspace", "\\negmedspace", "\\negthickspace", "\\left",
        "\\right", "\\vrule", "\\vcenter", "\\vbox", "\\vskip", "\\vspace", "\\hfil", "\\*",
        "\\-", "\\.", "\\/", "\\\"", "\\(", "\\=");
    fixed(T.ADD, "+");
    fixed(T.SUB, "-");
    fixed(T.MUL, "*");
    fixed(T.DIV, "/");
    fixed(T.L_PAREN, "(");
    fixed(T.R_PAREN, ")");
    fixed(T.L_BRACE, "{");
    fixed(T.R_BRACE, "}");
    fixed(T.L_BRACE_LITERAL, "\\{");
    fixed(T.R_BRACE_LITERAL, "\\}");
    fixed(T.L_BRACKET, "[");
    fixed(T.R_BRACKET, "]");
    fixed(T.BAR, "|");
    fixed(T.R_BAR, "\\right|");
    fixed(T.L_BAR, "\\left|");
    fixed(T.L_ANGLE, "\\langle");
    fixed(T.R_ANGLE, "\\rangle");
    fixed(T.FUNC_LIM, "\\lim");
    fixed(T.LIM_APPROACH_SYM, "\\to", "\\rightarrow", "\\Rightarrow", "\\longrightarrow",
        "\\Longrightarrow");
    fixed(T.FUNC_INT, "\\int", "\\int\\limits");
    fixed(T.FUNC_SUM, "\\sum");
    fixed(T.FUNC_PROD, "\\prod");
    fixed(T.FUNC_NORMAL, "\\exp", "\\log", "\\lg", "\\ln", "\\sin", "\\cos", "\\tan", "\\csc",
        "\\sec", "\\cot", "\\arcsin", "\\arccos", "\\arctan", "\\arccsc", "\\arcsec", "\\arccot",
        "\\sinh", "\\cosh", "\\tanh", "\\arsinh", "\\arcosh", "\\artanh");
    fixed(T.L_FLOOR, "\\lfloor");
    fixed(T.R_FLOOR, "\\rfloor");
    fixed(T.L_CEIL, "\\lceil");
    fixed(T.R_CEIL, "\\rceil");
    fixed(T.FUNC_SQRT, "\\sqrt");
    fixed(T.FUNC_OVERLINE, "\\overline");
    fixed(T.CMD_TIMES, "\\times");
    fixed(T.CMD_CDOT, "\\cdot");
    fixed(T.CMD_DIV, "\\div");
    fixed(T.CMD_FRAC, "\\frac", "\\dfrac", "\\tfrac");
    fixed(T.CMD_BINOM, "\\binom", "\\dbinom", "\\tbinom");
    fixed(T.CMD_MATHIT, "\\mathit");
    fixed(T.UNDERSCORE, "_");
    fixed(T.CARET, "^");
    fixed(T.COLON, ":");
  }

  /** Rules after DIFFERENTIAL/LETTER/DIGIT/EQUAL, in order. */
  private static final List<Fixed> FIXED_LATE = List.of(
      new Fixed("\\neq", T.NEQ), new Fixed("<", T.LT), new Fixed("\\leq", T.LTE),
      new Fixed("\\le", T.LTE), new Fixed("\\leqq", T.LTE), new Fixed("\\leqslant", T.LTE),
      new Fixed(">", T.GT), new Fixed("\\geq", T.GTE), new Fixed("\\ge", T.GTE),
      new Fixed("\\geqq", T.GTE), new Fixed("\\geqslant", T.GTE), new Fixed("!", T.BANG));

  private LatexLexer() {}

  private static boolean isWs(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /**
   * The tokens of s, skipped ones left out, up to the first character no rule matches; lexError
   * says whether there is one (the parser fails only if it asks for a token from there, as the
   * ANTLR lexer runs lazily).
   */
  record Lexed(List<Token> tokens, boolean lexError) {}

  static Lexed tokenize(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      int bestLen = 0;
      T bestType = null;
      char c = s.charAt(i);
      if (isWs(c)) {
        int j = i;
        while (j < n && isWs(s.charAt(j))) {
          j++;
        }
        bestLen = j - i;
        bestType = T.SKIP;
      }
      for (Fixed f : FIXED) {
        if (f.text.length() > bestLen && s.startsWith(f.text, i)) {
          bestLen = f.text.length();
          bestType = f.type;
        }
      }
      // DIFFERENTIAL: 'd' WS*? ([a-zA-Z] | '\\' [a-zA-Z]+)
      if (c == 'd') {
        int j = i + 1;
        while (j < n && isWs(s.charAt(j))) {
          j++;
        }
        int end = -1;
        if (j < n && isLetter(s.charAt(j))) {
          end = j + 1;
        } else if (j + 1 < n && s.charAt(j) == '\\' && isLetter(s.charAt(j + 1))) {
          int k = j + 1;
          while (k < n && isLetter(s.charAt(k))) {
            k++;
          }
          end = k;
        }
        if (end > 0 && end - i > bestLen) {
          bestLen = end - i;
          bestType = T.DIFFERENTIAL;
        }
      }
      if (isLetter(c) && bestLen < 1) {
        bestLen = 1;
        bestType = T.LETTER;
      }
      if (c >= '0' && c <= '9' && bestLen < 1) {
        bestLen = 1;
        bestType = T.DIGIT;
      }
      int eq = equalLength(s, i);
      if (eq > bestLen) {
        bestLen = eq;
        bestType = T.EQUAL;
      }
      for (Fixed f : FIXED_LATE) {
        if (f.text.length() > bestLen && s.startsWith(f.text, i)) {
          bestLen = f.text.length();
          bestType = f.type;
        }
      }
      if (c == '\'') {
        int j = i;
        while (j < n && s.charAt(j) == '\'') {
          j++;
        }
        if (j - i > bestLen) {
          bestLen = j - i;
          bestType = T.SINGLE_QUOTES;
        }
      }
      if (c == '\\' && i + 1 < n && isLetter(s.charAt(i + 1))) {
        int j = i + 1;
        while (j < n && isLetter(s.charAt(j))) {
          j++;
        }
        if (j - i > bestLen) {
          bestLen = j - i;
          bestType = T.SYMBOL;
        }
      }
      if (bestType == null) {
        return new Lexed(out, true);
      }
      if (bestType != T.SKIP) {
        out.add(new Token(bestType, s.substring(i, i + bestLen), i, i + bestLen));
      }
      i += bestLen;
    }
    return new Lexed(out, false);
  }

  /** EQUAL: ('&' WS*)? '=' | '=' (WS* '&')?; the length matched at i, or 0. */
  private static int equalLength(String s, int i) {
    int n = s.length();
    if (s.charAt(i) == '&') {
      int j = i + 1;
      while (j < n && isWs(s.charAt(j))) {
        j++;
      }
      return j < n && s.charAt(j) == '=' ? j + 1 - i : 0;
    }
    if (s.charAt(i) == '=') {
      int j = i + 1;
      while (j < n && isWs(s.charAt(j))) {
        j++;
      }
      return j < n && s.charAt(j) == '&' ? j + 1 - i : 1;
    }
    return 0;
  }
}
