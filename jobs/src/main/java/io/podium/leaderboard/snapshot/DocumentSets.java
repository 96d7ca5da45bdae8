package io.podium.leaderboard.snapshot;

import io.podium.leaderboard.normalize.Normalization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which documents each model's scores stand on, and the one document set a board ranks on: a
 * board compares like with like, so a model scored on the 34 documents of a sample is never
 * ranked beside one scored on the whole benchmark.
 *
 * <p>A model's documents for a subtask are the count it was scored over ({@code n}) and, for a
 * model Podium scored, a fingerprint of which documents they were (their ids and content
 * hashes in {@code benchmark_docs}). Imported harness results carry counts only (lm-eval's
 * results file has no document hashes), so they are compared by count. The board's set is, per
 * subtask, the largest count among the complete models and, of those with it, the most common
 * fingerprint (ties: the smallest). A complete model on other documents is listed apart, with
 * the reason per benchmark.
 */
final class DocumentSets {

  /**
   * The documents one model's score of one subtask stands on.
   *
   * @param n documents scored
   * @param fingerprint which documents (ids and content), or null when not known (imported results)
   */
  record Evaluated(long n, String fingerprint) {}

  private DocumentSets() {}

  /** model -> "benchmark/subtask" -> its documents, for every covered subtask the model has a score of. */
  static Map<String, Map<String, Evaluated>> of(SnapshotInputs in, Normalization rules) {
    Map<String, Map<String, Evaluated>> out = new TreeMap<>();
    for (String model : in.taskScores.keySet()) {
      Map<String, Evaluated> mine = new TreeMap<>();
      for (Normalization.BenchmarkRule rule : rules.benchmarks()) {
        String metric = rule.metrics().get(0);
        for (String subtask : in.subtasks.get(rule.benchmark())) {
          String key = rule.benchmark() + "/" + subtask;
          Map<String, SnapshotInputs.TaskScore> byMetric = in.taskScores.get(model).get(key);
          if (byMetric == null || byMetric.get(metric) == null) {
            continue;
          }
          Map<Integer, SnapshotInputs.DocScore> perDoc = in.docScores.getOrDefault(model, Map.of())
              .get(key + "/" + metric);
          mine.put(key, new Evaluated(byMetric.get(metric).n(),
              perDoc == null ? null : fingerprint(perDoc.keySet(), in.contentHashes.getOrDefault(key, Map.of()))));
        }
      }
      out.put(model, mine);
    }
    return out;
  }

  /** The board's documents per covered subtask, from the models complete on every one. */
  static Map<String, Evaluated> board(Map<String, Map<String, Evaluated>> sets, List<String> complete) {
    Map<String, Long> largest = new TreeMap<>();
    for (String model : complete) {
      sets.get(model).forEach((key, e) -> largest.merge(key, e.n(), Math::max));
    }
    Map<String, Evaluated> board = new TreeMap<>();
    largest.forEach((key, n) -> {
      Map<String, Integer> votes = new TreeMap<>();
      for (String model : complete) {
        Evaluated e = sets.get(model).get(key);
        if (e != null && e.n() == n && e.fingerprint() != null) {
          votes.merge(e.fingerprint(), 1, Integer::sum);
        }
      }
      String common = votes.entrySet().stream()
          .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElse(null);
      board.put(key, new Evaluated(n, common));
    });
    return board;
  }

  /**
   * Why a model's documents are not the board's, one entry per benchmark that differs, e.g.
   * "bbh on 34 documents, the ranked models on 5761" or "gpqa on other documents (448, the same
   * count)"; empty when they are the board's.
   */
  static List<String> differences(Map<String, Evaluated> mine, Map<String, Evaluated> board) {
    Map<String, long[]> counts = new LinkedHashMap<>(); // benchmark -> {mine, board} over differing subtasks
    for (Map.Entry<String, Evaluated> b : board.entrySet()) {
      Evaluated m = mine.get(b.getKey());
      if (m == null || same(m, b.getValue())) {
        continue;
      }
      String benchmark = b.getKey().substring(0, b.getKey().indexOf('/'));
      long[] c = counts.computeIfAbsent(benchmark, k -> new long[2]);
      c[0] += m.n();
      c[1] += b.getValue().n();
    }
    List<String> out = new ArrayList<>();
    counts.forEach((benchmark, c) -> out.add(c[0] == c[1]
        ? benchmark + " on other documents (" + c[0] + ", the same count)"
        : benchmark + " on " + c[0] + " documents, the ranked models on " + c[1]));
    return out;
  }

  /** Documents scored, over the covered subtasks the model has a score of. */
  static long documents(Map<String, Evaluated> mine) {
    return mine.values().stream().mapToLong(Evaluated::n).sum();
  }

  private static boolean same(Evaluated m, Evaluated board) {
    return m.n() == board.n()
        && (m.fingerprint() == null || board.fingerprint() == null || m.fingerprint().equals(board.fingerprint()));
  }

  /** First 16 hex digits of the SHA-256 of the sorted "doc_id:content_hash" lines. */
  private static String fingerprint(Iterable<Integer> docIds, Map<Integer, String> contentHashes) {
    List<Integer> ids = new ArrayList<>();
    docIds.forEach(ids::add);
    ids.sort(null);
    StringBuilder text = new StringBuilder();
    for (int id : ids) {
      text.append(id).append(':').append(contentHashes.getOrDefault(id, "?")).append('\n');
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
