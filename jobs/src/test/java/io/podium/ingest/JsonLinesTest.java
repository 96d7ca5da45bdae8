package io.podium.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines as bytes: a bad line is that line's problem, never the file's, and never guessed at. */
class JsonLinesTest {

  private static List<JsonLines.Line> lines(byte[] bytes, int max) throws Exception {
    List<JsonLines.Line> out = new ArrayList<>();
    JsonLines.read(new ByteArrayInputStream(bytes), max, out::add);
    return out;
  }

  @Test
  void aByteOrderMarkIsDroppedAndLineEndsAreEither() throws Exception {
    byte[] text = "\uFEFF{\"a\": 1}\r\n{\"b\": \"\u00e9\"}\n\n{\"c\": 3}".getBytes(StandardCharsets.UTF_8);
    List<JsonLines.Line> got = lines(text, 100);
    assertEquals(List.of("{\"a\": 1}", "{\"b\": \"\u00e9\"}", "", "{\"c\": 3}"), got.stream().map(JsonLines.Line::text)
        .toList());
    assertEquals(List.of(1L, 2L, 3L, 4L), got.stream().map(JsonLines.Line::number).toList());
  }

  @Test
  void bytesThatAreNotUtf8AreReportedWhereTheyAre() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes("ok\ncaf".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {(byte) 0xC3, 0x28});
    b.writeBytes("\nfine\n".getBytes(StandardCharsets.UTF_8));
    List<JsonLines.Line> got = lines(b.toByteArray(), 100);
    assertEquals(3, got.size());
    assertNull(got.get(1).text());
    assertEquals("not UTF-8 (bytes C3 28 at byte 4 of the line)", got.get(1).error());
    assertEquals("fine", got.get(2).text());
  }

  @Test
  void aLineOverTheLimitIsReportedWithItsLengthAndTheNextOneRead() throws Exception {
    byte[] text = ("short\n" + "x".repeat(200_000) + "\nafter").getBytes(StandardCharsets.UTF_8);
    List<JsonLines.Line> got = lines(text, 1000);
    assertEquals("short", got.get(0).text());
    assertEquals("the line is 200,000 bytes, more than the 1,000 a record may have", got.get(1).error());
    assertEquals(200_000, got.get(1).bytes());
    assertEquals("after", got.get(2).text());
  }
}
