package io.podium.scoring.ifeval.text;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * nltk's {@code word_tokenize(text)}: Punkt sentences, each split by nltk's improved Treebank
 * tokenizer ({@code NLTKWordTokenizer}): quotes, punctuation, brackets, dashes and clitics such
 * as {@code n't} and {@code 's} become tokens of their own.
 *
 * <p>The rules are those of nltk 3.9 (2024), which lm-evaluation-harness used: whitespace runs
 * are collapsed before clitics are split (nltk PR 3224), and an opening single quote is split
 * off only before a one-character word (nltk changed that in 2026, PR 3687).
 */
public final class NltkWordTokenizer {

  private static final String W = PyRegex.WORD;
  private static final String B = PyRegex.BOUNDARY;
  private static final String S = PyRegex.SPACE;

  private record Rule(Pattern pattern, String replacement) {
    static Rule of(String regex, String replacement) {
      return new Rule(Pattern.compile(regex, Pattern.UNIX_LINES), replacement);
    }

    String apply(String text) {
      return pattern.matcher(text).replaceAll(replacement);
    }
  }

  private static final List<Rule> STARTING_QUOTES = List.of(
      Rule.of("([«“‘„]|`+)", " $1 "),
      Rule.of("^\"", "``"),
      Rule.of("(``)", " $1 "),
      Rule.of("([ (\\[{<])(\"|'{2})", "$1 `` "),
      Rule.of("(?iu)(')(?!re|ve|ll|m|t|s|d|n)(" + W + ")" + B, "$1 $2"));

  private static final List<Rule> PUNCTUATION = List.of(
      Rule.of("([^.])(\\.)([\\])}>\"'»”’ ]*)" + S + "*$", "$1 $2 $3 "),
      Rule.of("([:,])([^\\p{Nd}])", " $1 $2"),
      Rule.of("([:,])$", " $1 "),
      Rule.of("\\.{2,}", " $0 "),
      Rule.of("[;@#$%&]", " $0 "),
      Rule.of("[\\u2012-\\u2015]", " $0 "),
      Rule.of("([^.])(\\.)([\\])}>\"']*)" + S + "*$", "$1 $2$3 "),
      Rule.of("[?!]", " $0 "),
      Rule.of("([^'])' ", "$1 ' "),
      Rule.of("[*]", " $0 "));

  private static final Rule PARENS_BRACKETS = Rule.of("[\\]\\[(){}<>]", " $0 ");
  private static final Rule DOUBLE_DASHES = Rule.of("--", " -- ");

  private static final List<Rule> ENDING_QUOTES = List.of(
      Rule.of("([»”’])", " $1 "),
      Rule.of("''", " '' "),
      Rule.of("\"", " '' "),
      Rule.of(S + "+", " "),
      Rule.of("([^' ])('[sS]|'[mM]|'[dD]|') ", "$1 $2 "),
      Rule.of("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", "$1 $2 "));

  private static final List<Rule> CONTRACTIONS = List.of(
      Rule.of("(?iu)" + B + "(can)(not)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(d)('ye)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(gim)(me)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(gon)(na)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(got)(ta)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(lem)(me)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(more)('n)" + B, " $1 $2 "),
      Rule.of("(?iu)" + B + "(wan)(na)(?=" + S + ")", " $1 $2 "),
      Rule.of("(?iu) ('t)(is)" + B, " $1 $2 "),
      Rule.of("(?iu) ('t)(was)" + B, " $1 $2 "));

  private NltkWordTokenizer() {}

  /** nltk's {@code word_tokenize(text)} (English). */
  public static List<String> wordTokenize(String text) {
    List<String> tokens = new ArrayList<>();
    for (String sentence : PunktSentenceTokenizer.english().tokenize(text)) {
      tokens.addAll(tokenizeSentence(sentence));
    }
    return tokens;
  }

  /** {@code NLTKWordTokenizer().tokenize(sentence)}. */
  public static List<String> tokenizeSentence(String text) {
    for (Rule rule : STARTING_QUOTES) {
      text = rule.apply(text);
    }
    for (Rule rule : PUNCTUATION) {
      text = rule.apply(text);
    }
    text = PARENS_BRACKETS.apply(text);
    text = DOUBLE_DASHES.apply(text);
    text = " " + text + " ";
    for (Rule rule : ENDING_QUOTES) {
      text = rule.apply(text);
    }
    for (Rule rule : CONTRACTIONS) {
      text = rule.apply(text);
    }
    return PyStr.split(text);
  }
}
