package io.podium.leaderboard.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three grid writers on awkward text (no Spark). */
class GridWriterTest {

  private static final Grid GRID = new Grid(List.of("name", "n"), List.of(false, true),
      List.of(List.of("a|b\u001b[31mred\nx", "1.50"), List.of("q\"u,o", "10.00")));

  private static String write(GridWriter w) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    w.write(GRID, List.of("note *1*"), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tableAlignsAndKeepsControlCharactersOffTheTerminal() {
    assertEquals("""
        note *1*
        +---------------------+-------+
        | name                | n     |
        +---------------------+-------+
        | a|b\\u001b[31mred\\nx |  1.50 |
        | q"u,o               | 10.00 |
        +---------------------+-------+
        """, write(GridWriter.TABLE));
  }

  @Test
  void csvQuotesWhatNeedsIt() {
    assertEquals("name,n\r\n\"a|b\u001b[31mred\nx\",1.50\r\n\"q\"\"u,o\",10.00\r\n", write(GridWriter.CSV));
  }

  @Test
  void markdownEscapesMarkupAndPipes() {
    assertEquals("""
        note \\*1\\*

        | name | n |
        | --- | ---: |
        | a\\|b\\\\u001b\\[31mred\\\\nx | 1.50 |
        | q"u,o | 10.00 |
        """, write(GridWriter.MD));
  }
}
