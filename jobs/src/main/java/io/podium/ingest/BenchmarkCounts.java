package io.podium.ingest;

/**
 * What ingest did with one benchmark's input records: every record read is accepted,
 * rejected or filtered out by the layout (e.g. MATH levels below 5), so the three add up.
 * Few-shot records are counted apart: they are read to build prompts, not as documents.
 */
public final class BenchmarkCounts {
  private final String benchmark;
  long input;
  long accepted;
  long rejected;
  long filtered;
  long requests;
  long fewshotRead;
  long fewshotRejected;
  String note = "";
  /** Accepted documents worth a word (e.g. a gold target that is not a choice). */
  final java.util.List<String> notes = new java.util.ArrayList<>();

  BenchmarkCounts(String benchmark) {
    this.benchmark = benchmark;
  }

  public String benchmark() {
    return benchmark;
  }

  public long input() {
    return input;
  }

  public long accepted() {
    return accepted;
  }

  public long rejected() {
    return rejected;
  }

  public long filtered() {
    return filtered;
  }

  public long requests() {
    return requests;
  }

  public long fewshotRead() {
    return fewshotRead;
  }

  public long fewshotRejected() {
    return fewshotRejected;
  }

  public String note() {
    return note;
  }

  public java.util.List<String> documentNotes() {
    return notes;
  }

  public boolean addsUp() {
    return accepted + rejected + filtered == input;
  }
}
