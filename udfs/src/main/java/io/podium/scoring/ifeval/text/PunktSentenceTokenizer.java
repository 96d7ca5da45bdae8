package io.podium.scoring.ifeval.text;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Punkt sentence splitter (Kiss &amp; Strunk 2006) as nltk's {@code PunktSentenceTokenizer}
 * applies a trained model: IFEval counts sentences with nltk's English model
 * ({@code length_constraints:number_sentences}) and splits text into sentences before
 * tokenizing words ({@code change_case:capital_word_frequency}).
 *
 * <p>This is a re-implementation of the splitting algorithm of nltk 3.8/3.9 (candidate breaks at
 * {@code . ? !}, a first pass by token type, a second pass with the collocation, frequent
 * sentence-starter and orthographic heuristics, then realignment of closing brackets and quotes).
 * The learned data comes from {@link PunktParameters}: nltk's English model when it is installed,
 * otherwise Podium's own approximation of it (see there, and {@link PunktParameters#source()}).
 */
public final class PunktSentenceTokenizer {

  private static final String NON_WORD = "(?:[)\";}\\]*:@'({\\[?!])";
  private static final String MULTI_CHAR =
      "(?:-{2,}|\\.{2,}|(?:\\." + PyRegex.SPACE + "){2,}\\.)";
  private static final String WORD_START = "[^(\"`{\\[:;&#*@)}\\]\\-,]";

  /** nltk's {@code PunktLanguageVars._word_tokenize_fmt}. */
  private static final Pattern WORD_TOKEN = Pattern.compile(
      MULTI_CHAR
          + "|(?=" + WORD_START + ")" + PyRegex.NON_SPACE + "+?"
          + "(?=" + PyRegex.SPACE + "|$|" + NON_WORD + "|" + MULTI_CHAR
          + "|,(?=$|" + PyRegex.SPACE + "|" + NON_WORD + "|" + MULTI_CHAR + "))"
          + "|" + PyRegex.NON_SPACE,
      Pattern.UNIX_LINES);

  /** nltk's {@code PunktLanguageVars._period_context_fmt}: group 1 after_tok, group 2 next_tok. */
  private static final Pattern PERIOD_CONTEXT = Pattern.compile(
      "[.?!](?=(" + NON_WORD + "|" + PyRegex.SPACE + "+(" + PyRegex.NON_SPACE + "+)))",
      Pattern.UNIX_LINES);

  private static final Pattern BOUNDARY_REALIGNMENT = Pattern.compile(
      "[\"')\\]}]+?(?:" + PyRegex.SPACE + "+|(?=--)|$)", Pattern.MULTILINE | Pattern.UNIX_LINES);

  private static final Pattern NUMERIC = Pattern.compile("-?[.,]?\\p{Nd}[\\p{Nd},.-]*\\.?");
  private static final Pattern INITIAL = Pattern.compile("[\\p{L}\\p{N}_&&[^\\p{Nd}]]\\.");
  private static final String PUNCTUATION = ";:,.!?";

  private static final int ORTHO_BEG_UC = 1 << 1;
  private static final int ORTHO_MID_UC = 1 << 2;
  private static final int ORTHO_UNK_UC = 1 << 3;
  private static final int ORTHO_BEG_LC = 1 << 4;
  private static final int ORTHO_MID_LC = 1 << 5;
  private static final int ORTHO_UNK_LC = 1 << 6;
  private static final int ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_UNK_UC;
  private static final int ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC | ORTHO_UNK_LC;

  private static final PunktSentenceTokenizer ENGLISH =
      new PunktSentenceTokenizer(PunktParameters.english());

  private final PunktParameters params;

  public PunktSentenceTokenizer(PunktParameters params) {
    this.params = params;
  }

  /** The tokenizer with {@link PunktParameters#english()}. */
  public static PunktSentenceTokenizer english() {
    return ENGLISH;
  }

  /** nltk's {@code tokenize(text)}: the sentences of the text. */
  public List<String> tokenize(String text) {
    List<String> sentences = new ArrayList<>();
    for (int[] span : spans(text)) {
      sentences.add(text.substring(span[0], span[1]));
    }
    return sentences;
  }

  /** {@code len(tokenize(text))}. */
  public int countSentences(String text) {
    return spans(text).size();
  }

  private List<int[]> spans(String text) {
    return realignBoundaries(text, slicesFromText(text));
  }

  private List<int[]> slicesFromText(String text) {
    List<int[]> slices = new ArrayList<>();
    int lastBreak = 0;
    for (EndContext candidate : potentialEndContexts(text)) {
      if (containsSentenceBreak(candidate.context)) {
        slices.add(new int[] {lastBreak, candidate.end});
        lastBreak = candidate.nextTokenStart >= 0 ? candidate.nextTokenStart : candidate.end;
      }
    }
    slices.add(new int[] {lastBreak, PyStr.rstrip(text).length()});
    return slices;
  }

  private record EndContext(int end, int nextTokenStart, String context) {}

  /** nltk's {@code _match_potential_end_contexts}. */
  private static List<EndContext> potentialEndContexts(String text) {
    List<EndContext> out = new ArrayList<>();
    Matcher m = PERIOD_CONTEXT.matcher(text);
    int prevStart = 0;
    int prevStop = 0;
    EndContext previous = null;
    while (m.find()) {
      String before = text.substring(prevStop, m.start());
      int lastSpace = lastAsciiWhitespace(before);
      int wordStart = lastSpace != 0 ? lastSpace + prevStop + 1 : prevStart;
      if (previous != null && prevStop <= wordStart) {
        out.add(previous);
      }
      String context = text.substring(wordStart, m.start()) + m.group() + m.group(1);
      previous = new EndContext(m.end(), m.group(2) != null ? m.start(2) : -1, context);
      prevStart = wordStart;
      prevStop = m.start();
    }
    if (previous != null) {
      out.add(previous);
    }
    return out;
  }

  /** Index of the last of {@code string.whitespace} (ASCII) in the text, or 0 if none. */
  private static int lastAsciiWhitespace(String s) {
    for (int i = s.length() - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f') {
        return i;
      }
    }
    return 0;
  }

  /** nltk's {@code _realign_boundaries}: closing quotes and brackets stay with their sentence. */
  private static List<int[]> realignBoundaries(String text, List<int[]> slices) {
    List<int[]> out = new ArrayList<>();
    int realign = 0;
    for (int i = 0; i < slices.size(); i++) {
      int start = slices.get(i)[0] + realign;
      int stop = slices.get(i)[1];
      if (i + 1 == slices.size()) {
        if (start < stop) {
          out.add(new int[] {start, stop});
        }
        continue;
      }
      int[] next = slices.get(i + 1);
      String nextText = text.substring(next[0], Math.max(next[0], next[1]));
      Matcher m = BOUNDARY_REALIGNMENT.matcher(nextText);
      if (m.lookingAt()) {
        out.add(new int[] {start, next[0] + PyStr.rstrip(m.group()).length()});
        realign = m.end();
      } else {
        realign = 0;
        if (start < stop) {
          out.add(new int[] {start, stop});
        }
      }
    }
    return out;
  }

  /** nltk's {@code text_contains_sentbreak}: a break before the context's last token. */
  private boolean containsSentenceBreak(String context) {
    List<Token> tokens = annotate(tokenizeWords(context));
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (tokens.get(i).sentbreak) {
        return true;
      }
    }
    return false;
  }

  private static List<Token> tokenizeWords(String text) {
    List<Token> tokens = new ArrayList<>();
    for (String line : PyStr.split(text, "\n")) {
      if (PyStr.strip(line).isEmpty()) {
        continue;
      }
      Matcher m = WORD_TOKEN.matcher(line);
      while (m.find()) {
        tokens.add(new Token(m.group()));
      }
    }
    return tokens;
  }

  private List<Token> annotate(List<Token> tokens) {
    for (Token t : tokens) {
      firstPass(t);
    }
    for (int i = 0; i < tokens.size(); i++) {
      secondPass(tokens.get(i), i + 1 < tokens.size() ? tokens.get(i + 1) : null);
    }
    return tokens;
  }

  private void firstPass(Token t) {
    String tok = t.tok;
    if (tok.equals(".") || tok.equals("?") || tok.equals("!")) {
      t.sentbreak = true;
    } else if (t.isEllipsis()) {
      t.ellipsis = true;
    } else if (t.periodFinal && !tok.endsWith("..")) {
      String word = PyStr.lower(tok.substring(0, tok.length() - 1));
      String lastPart = word.substring(word.lastIndexOf('-') + 1);
      if (params.isAbbreviation(word) || params.isAbbreviation(lastPart)) {
        t.abbr = true;
      } else {
        t.sentbreak = true;
      }
    }
  }

  private void secondPass(Token t, Token next) {
    if (next == null || !t.periodFinal) {
      return;
    }
    String typ = t.typeNoPeriod();
    String nextTyp = next.typeNoSentPeriod();
    boolean initial = t.isInitial();

    if (params.isCollocation(typ, nextTyp)) {
      t.sentbreak = false;
      t.abbr = true;
      return;
    }
    if ((t.abbr || t.ellipsis) && !initial) {
      Ortho starter = orthoHeuristic(next);
      if (starter == Ortho.STARTS_SENTENCE) {
        t.sentbreak = true;
        return;
      }
      if (next.firstUpper() && params.isSentenceStarter(nextTyp)) {
        t.sentbreak = true;
        return;
      }
    }
    if (initial || typ.equals("##number##")) {
      Ortho starter = orthoHeuristic(next);
      if (starter == Ortho.DOES_NOT_START_SENTENCE) {
        t.sentbreak = false;
        t.abbr = true;
        return;
      }
      if (starter == Ortho.UNKNOWN && initial && next.firstUpper()
          && (params.orthoContext(nextTyp) & ORTHO_LC) == 0) {
        t.sentbreak = false;
        t.abbr = true;
      }
    }
  }

  private enum Ortho { STARTS_SENTENCE, DOES_NOT_START_SENTENCE, UNKNOWN }

  private Ortho orthoHeuristic(Token t) {
    if (t.tok.length() == 1 && PUNCTUATION.indexOf(t.tok.charAt(0)) >= 0) {
      return Ortho.DOES_NOT_START_SENTENCE;
    }
    int ortho = params.orthoContext(t.typeNoSentPeriod());
    if (t.firstUpper() && (ortho & ORTHO_LC) != 0 && (ortho & ORTHO_MID_UC) == 0) {
      return Ortho.STARTS_SENTENCE;
    }
    if (t.firstLower() && ((ortho & ORTHO_UC) != 0 || (ortho & ORTHO_BEG_LC) == 0)) {
      return Ortho.DOES_NOT_START_SENTENCE;
    }
    return Ortho.UNKNOWN;
  }

  /** nltk's {@code PunktToken}, with the annotations the splitter uses. */
  private static final class Token {
    final String tok;
    final String type;
    final boolean periodFinal;
    boolean sentbreak;
    boolean abbr;
    boolean ellipsis;

    Token(String tok) {
      this.tok = tok;
      String lower = PyStr.lower(tok);
      this.type = NUMERIC.matcher(lower).matches() ? "##number##" : lower;
      this.periodFinal = tok.endsWith(".");
    }

    String typeNoPeriod() {
      return type.length() > 1 && type.endsWith(".") ? type.substring(0, type.length() - 1) : type;
    }

    String typeNoSentPeriod() {
      return sentbreak ? typeNoPeriod() : type;
    }

    boolean firstUpper() {
      int cp = tok.codePointAt(0);
      return Character.isUpperCase(cp) && !Character.isTitleCase(cp);
    }

    boolean firstLower() {
      int cp = tok.codePointAt(0);
      return Character.isLowerCase(cp);
    }

    boolean isEllipsis() {
      if (tok.length() < 2) {
        return false;
      }
      for (int i = 0; i < tok.length(); i++) {
        if (tok.charAt(i) != '.') {
          return false;
        }
      }
      return true;
    }

    boolean isInitial() {
      return INITIAL.matcher(tok).matches();
    }
  }
}
