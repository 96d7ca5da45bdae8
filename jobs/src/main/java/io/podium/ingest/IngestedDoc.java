package io.podium.ingest;

import java.util.List;
import java.util.Map;

/** A benchmark document that passed every check, ready for {@code benchmark_docs}. */
public record IngestedDoc(
    String benchmark,
    String subtask,
    String task,
    int docId,
    String sourceKey,
    Map<String, Object> doc,
    Map<String, Object> original,
    String target,
    Integer goldIndex,
    List<String> choices,
    String sourceFile,
    long sourceLine) {}
