package io.podium.tasks;

import java.util.Map;

/**
 * A harness {@code process_docs} function, applied to one subtask's documents in dataset
 * order. A processor may keep state across documents (GPQA's shuffle draws from one random
 * generator), so make a new one per subtask with {@link DocProcessors#create}.
 */
@FunctionalInterface
public interface DocProcessor {

  /** The processed document; throws {@link InvalidDocException} if it cannot be processed. */
  Map<String, Object> process(Map<String, Object> doc);

  DocProcessor IDENTITY = doc -> doc;
}
