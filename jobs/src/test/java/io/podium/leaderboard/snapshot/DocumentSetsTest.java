package io.podium.leaderboard.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.leaderboard.normalize.Normalization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which documents a model's scores stand on, compared with the board's: by count, and for
 * models Podium scored, by which documents (ids and content) they were.
 */
class DocumentSetsTest {

  private Normalization rules;
  private SnapshotInputs in;

  @BeforeEach
  void setUp() throws Exception {
    rules = Normalization.shipped();
    in = new SnapshotInputs();
    for (Normalization.BenchmarkRule rule : rules.benchmarks()) {
      in.subtasks.put(rule.benchmark(), List.of());
    }
    in.subtasks.put("gpqa", List.of("diamond"));
    Map<Integer, String> hashes = new HashMap<>();
    for (int id = 0; id < 6; id++) {
      hashes.put(id, "h" + id);
    }
    in.contentHashes.put("gpqa/diamond", hashes);
  }

  /** A model with a gpqa/diamond score over these documents (null: an import, counts only). */
  private void model(String key, long n, int... docIds) {
    String metric = rules.rule("gpqa").metrics().get(0);
    in.taskScores.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent("gpqa/diamond", k -> new TreeMap<>())
        .put(metric, new SnapshotInputs.TaskScore("gpqa", "diamond", metric, "m", 0.5, null, n, n));
    if (docIds.length > 0) {
      Map<Integer, SnapshotInputs.DocScore> perDoc = new HashMap<>();
      for (int id : docIds) {
        perDoc.put(id, new SnapshotInputs.DocScore(1, 1));
      }
      in.docScores.computeIfAbsent(key, k -> new HashMap<>()).put("gpqa/diamond/" + metric, perDoc);
    }
  }

  private Map<String, List<String>> differences(List<String> complete) {
    Map<String, Map<String, DocumentSets.Evaluated>> sets = DocumentSets.of(in, rules);
    Map<String, DocumentSets.Evaluated> board = DocumentSets.board(sets, complete);
    Map<String, List<String>> out = new TreeMap<>();
    sets.forEach((model, mine) -> out.put(model, DocumentSets.differences(mine, board)));
    return out;
  }

  @Test
  void theSameCountOfOtherDocumentsIsNotTheBoardsSet() {
    model("a", 3, 0, 1, 2);
    model("b", 3, 0, 1, 2);
    model("other", 3, 3, 4, 5);
    assertEquals(Map.of("a", List.of(), "b", List.of(), "other",
        List.of("gpqa on other documents (3, the same count)")), differences(List.of("a", "b", "other")));
  }

  @Test
  void changedContentUnderTheSameIdsIsOtherDocuments() {
    model("a", 3, 0, 1, 2);
    model("b", 3, 0, 1, 2);
    Map<String, Map<String, DocumentSets.Evaluated>> before = DocumentSets.of(in, rules);
    in.contentHashes.get("gpqa/diamond").put(1, "edited");
    Map<String, Map<String, DocumentSets.Evaluated>> after = DocumentSets.of(in, rules);
    assertEquals(before.get("a").get("gpqa/diamond").n(), after.get("a").get("gpqa/diamond").n());
    assertEquals(List.of("gpqa on other documents (3, the same count)"),
        DocumentSets.differences(before.get("a"), DocumentSets.board(after, List.of("b"))));
  }

  @Test
  void importedResultsAreComparedByCountAndTheLargestSetIsTheBoards() {
    model("imported", 6);
    model("podium-full", 6, 0, 1, 2, 3, 4, 5);
    model("podium-sample", 2, 0, 1);
    assertEquals(Map.of("imported", List.of(), "podium-full", List.of(), "podium-sample",
            List.of("gpqa on 2 documents, the ranked models on 6")),
        differences(List.of("imported", "podium-full", "podium-sample")));
    assertEquals(14, DocumentSets.documents(DocumentSets.of(in, rules).get("imported"))
        + DocumentSets.documents(DocumentSets.of(in, rules).get("podium-full"))
        + DocumentSets.documents(DocumentSets.of(in, rules).get("podium-sample")));
  }

  @Test
  void aBoardOfSamplesOnlyRanksTheSamples() {
    model("x", 2, 0, 1);
    model("y", 2, 0, 1);
    assertEquals(Map.of("x", List.of(), "y", List.of()), differences(List.of("x", "y")));
  }
}
