package io.podium.tasks;

import java.io.Serializable;
import java.util.List;

/**
 * One request to a model, rendered exactly as the harness would send it.
 *
 * @param index position among the document's requests (the choice index for multiple choice)
 * @param requestType loglikelihood or generate_until
 * @param context the prompt
 * @param continuation target delimiter + choice, for loglikelihood requests; else null
 * @param until stop sequences, for generate_until requests; else empty
 * @param maxGenToks generation limit, for generate_until requests; else null
 */
public record RenderedRequest(
    int index, String requestType, String context, String continuation, List<String> until, Integer maxGenToks)
    implements Serializable {}
