package io.podium.models;

import java.util.List;

/** Generate greedily after {@code context} until any of {@code until} appears or {@code maxGenToks} tokens. */
public record GenerationRequest(String context, List<String> until, int maxGenToks) {
  public GenerationRequest {
    until = until == null ? List.of() : List.copyOf(until);
  }
}
