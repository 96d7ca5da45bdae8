package io.podium.models;

/**
 * @param logprob sum of the continuation tokens' log-probabilities
 * @param isGreedy whether every continuation token is the model's argmax at its position
 * @param tokens number of continuation tokens
 * @param tokenLogprobs the per-token log-probabilities (they sum to {@code logprob})
 * @param contextTokens context tokens the model saw (after left truncation)
 */
public record LoglikelihoodResult(double logprob, boolean isGreedy, int tokens, float[] tokenLogprobs,
    int contextTokens) {}
