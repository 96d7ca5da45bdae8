package io.podium.models;

/**
 * @param text the generated text, cut before the first stop sequence (as the harness cuts it)
 * @param tokens tokens generated
 * @param stop why generation stopped: the stop sequence, {@code <eos>} or {@code max_gen_toks}
 * @param contextTokens context tokens the model saw (after left truncation)
 */
public record GenerationResult(String text, int tokens, String stop, int contextTokens) {}
