package io.podium.score.responses;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSON Lines file read into objects, each with its line number; blank lines are skipped. */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** One record and where it came from. */
  record Line(Path file, long number, Map<String, Object> record) {

    /** The record's field as a string; fails naming the file, the line and the field. */
    String string(String field) {
      Object v = record.get(field);
      if (!(v instanceof String s)) {
        throw new IllegalArgumentException(where() + ": field '" + field + "' must be a string"
            + (v == null ? " and is missing" : ", is " + v.getClass().getSimpleName()));
      }
      return s;
    }

    String where() {
      return file + " line " + number;
    }
  }

  private JsonLines() {}

  static List<Line> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " does not exist or is not a file");
    }
    List<Line> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      long number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        try {
          lines.add(new Line(file, number, JSON.readValue(text, MAP)));
        } catch (JsonProcessingException e) {
          throw new IOException(file + " line " + number + " is not a JSON object: " + e.getOriginalMessage()
              + "; fix the line or remove it", e);
        }
      }
    }
    return lines;
  }
}
