package io.podium.models;

/** Score {@code continuation} after {@code context}, as the harness's loglikelihood request. */
public record LoglikelihoodRequest(String context, String continuation) {}
