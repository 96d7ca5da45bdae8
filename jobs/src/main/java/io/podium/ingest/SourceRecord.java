package io.podium.ingest;

import java.util.Map;

/**
 * One record as read from a source file, or the reason it could not be read.
 *
 * @param file the file's full path or URI
 * @param line line number (JSONL, text) or 1-based record number (JSON, Parquet, CSV)
 * @param fields the parsed record, or null when {@code error} is set
 * @param text the record's text (for rejects), possibly cut
 * @param error why the record could not be parsed, or null
 */
public record SourceRecord(String file, long line, Map<String, Object> fields, String text, String error) {

  public static SourceRecord parsed(String file, long line, Map<String, Object> fields, String text) {
    return new SourceRecord(file, line, fields, text, null);
  }

  public static SourceRecord malformed(String file, long line, String text, String error) {
    return new SourceRecord(file, line, null, text, error);
  }
}
