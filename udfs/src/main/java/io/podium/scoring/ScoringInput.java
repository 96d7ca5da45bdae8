package io.podium.scoring;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a scorer sees of one document for one model: the document as the templates saw it,
 * its choices and gold, and the model's answers to its requests.
 *
 * @param benchmark Podium benchmark
 * @param subtask subtask within the benchmark
 * @param docId the harness doc_id
 * @param doc the processed document (JSON object as a map)
 * @param choices choice strings (multiple choice), else null
 * @param goldIndex gold choice (multiple choice; -100 when the target is not a choice), else null
 * @param expectedRequests how many requests the document has
 * @param answers the model's answers that match the current requests, any order
 */
public record ScoringInput(
    String benchmark,
    String subtask,
    int docId,
    Map<String, Object> doc,
    List<String> choices,
    Integer goldIndex,
    int expectedRequests,
    List<Answer> answers) implements Serializable {

  public ScoringInput {
    answers = List.copyOf(answers);
  }

  /** Names the document in messages: {@code bbh/navigate doc 12}. */
  public String describe() {
    return benchmark + "/" + subtask + " doc " + docId;
  }

  /**
   * One prediction: the answer to the document's request {@code requestIndex}.
   *
   * @param requestIndex choice index (loglikelihood) or 0 (generation)
   * @param loglikelihood log-likelihood of the continuation, for loglikelihood requests
   * @param generatedText the generation, for generate_until requests
   */
  public record Answer(int requestIndex, Double loglikelihood, String generatedText) implements Serializable {}
}
