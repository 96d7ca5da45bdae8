package io.podium.scoring.math;

/**
 * The scoring of one MATH response: the answer extracted from it, that answer normalized, the
 * normalized gold answer, and whether they match under the chosen {@link MathEquivalence}.
 */
public record MathVerdict(String extracted, String normalized, String goldNormalized,
    boolean exactMatch) {}
