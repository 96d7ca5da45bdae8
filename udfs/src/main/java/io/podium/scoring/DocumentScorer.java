package io.podium.scoring;

import java.io.Serializable;

/**
 * Turns a model's answers to one document into metric values: the harness task's
 * {@code process_results}. Implementations are stateless or thread-safe and serializable,
 * since Spark ships them to its tasks.
 */
public interface DocumentScorer extends Serializable {

  DocumentScore score(ScoringInput input);
}
