package io.podium.ingest;

/** An input record that ingest did not accept, and why; a row of {@code ingest_rejects}. */
public record Reject(String benchmark, String subtask, String sourceFile, long line, String reason, String record) {

  static Reject of(String benchmark, String subtask, SourceRecord r, String reason) {
    return new Reject(benchmark, subtask, r.file(), r.line(), reason, r.text());
  }
}
