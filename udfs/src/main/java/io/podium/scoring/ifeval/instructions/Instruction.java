package io.podium.scoring.ifeval.instructions;

/**
 * One verifiable instruction with its arguments bound, e.g. "answer with at least 300 words".
 * Implementations are immutable and thread-safe; they live in
 * {@code io.podium.scoring.ifeval.instructions} and are listed in {@link Instructions}.
 */
public interface Instruction {

  /** The reference's {@code check_following(response)}. */
  boolean isFollowedBy(String response);
}
