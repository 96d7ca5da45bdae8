package io.podium.scoring.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One or more cases per rule of normalize_final_answer (expected values checked with Python). */
class FinalAnswerNormalizerTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # text after the last "="
      x = 5 | 5
      a=b=3 | 3
      # "an ", "a " and spaces
      \\text{a dog} | dog
      3 + 4 | 3+4
      # ".$" -> "$", "\\$" and "\\ " removed
      $5.$ | 5
      \\$10 | 10
      1\\ 000 | 1000
      \\$1,000 | 1000
      # mbox -> text, "and" -> ","
      5\\mbox{ cm} | 5
      1,\\text{and}2 | 12
      1\\text{and}2 | 12
      \\text{(C)}\\text{ and }\\text{(D)} | '(C),(D)'
      # \\text{m} and units
      5\\text{m} | 5
      10 square units | 10
      15 ways | 15
      12\\text{ inches} | 12
      10\\text{ students} | 10
      5\\text{ cm}^2 | 5
      # ellipses, degrees, thin spaces, "{,}"
      '1,2,\\ldots' | 12
      '1,2,\\dots' | 12
      90^\\circ | 90
      90^{\\circ} | 90
      1{,}000 | 1000
      5\\; | 5
      '5,\\!000' | 5000
      "yes" | yes
      # "ft" is removed even inside \\left
      '\\left(1,2\\right)' | '\\le(1,2\\right)'
      # the math span, \\text, \\textbf, \\overline, \\boxed
      The answer is $5$ dollars | 5
      \\text{Monday} | Monday
      \\textbf{(A)} | (A)
      0.\\overline{3} | 0.3
      \\boxed{5} | 5
      # \\frac and \\sqrt shorthand
      \\frac12 | \\frac{1}{2}
      \\frac1{2} | \\frac{1}{{}2}
      \\fracab | \\frac{a}{b}
      \\sqrt2 | \\sqrt{2}
      \\sqrt{2} | \\sqrt{2}
      \\sqrt2x | \\sqrt{2}x
      \\dfrac{3}{4} | \\dfrac{3}{4}
      # digits with commas
      '100,000' | 100000
      '1,2' | 12
      '(1,2)' | '(1,2)'
      20\\% | 20\\%
      [invalidanswer] | [invalidanswer]
      """)
  void normalizes(String in, String expected) {
    assertEquals(expected, FinalAnswerNormalizer.normalize(in));
  }

  @org.junit.jupiter.api.Test
  void pythonSemanticsForNewlinesAndDigits() {
    // '.' does not cross a newline: each line's math span is taken
    assertEquals("a\nb", FinalAnswerNormalizer.normalize("$a$\n$b$"));
    // \\text{...} is not unwrapped across a newline
    assertEquals("\\text{\nm}", FinalAnswerNormalizer.normalize("\\text{\nm}"));
    // str.isdigit() accepts superscript digits
    assertEquals("\u00b23", FinalAnswerNormalizer.normalize("\u00b2,3"));
  }
}
