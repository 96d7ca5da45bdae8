package io.podium.scoring;

import java.io.Serializable;
import java.util.List;

/**
 * The outcome of scoring one document: its metric values, or the reason it cannot be scored
 * yet. An incomplete document is never counted as wrong; a task with one gets no score.
 *
 * @param scores one entry per metric (empty when incomplete)
 * @param incompleteReason why the document is not scored, or null
 */
public record DocumentScore(List<SampleScore> scores, String incompleteReason) implements Serializable {

  public DocumentScore {
    scores = List.copyOf(scores);
  }

  public static DocumentScore complete(List<SampleScore> scores) {
    return new DocumentScore(scores, null);
  }

  public static DocumentScore incomplete(String reason) {
    return new DocumentScore(List.of(), reason);
  }

  public boolean isComplete() {
    return incompleteReason == null;
  }
}
