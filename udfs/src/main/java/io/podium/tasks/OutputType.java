package io.podium.tasks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a task asks the model, as the harness's {@code output_type}. */
public enum OutputType {
  /** One log-likelihood request per choice; the answer is the most likely choice. */
  MULTIPLE_CHOICE("multiple_choice"),
  /** One greedy generation request, stopped at {@code until} or {@code max_gen_toks}. */
  GENERATE_UNTIL("generate_until");

  private final String yamlName;

  OutputType(String yamlName) {
    this.yamlName = yamlName;
  }

  @JsonValue
  public String yamlName() {
    return yamlName;
  }

  /** The request type stored in the {@code requests} table. */
  public String requestType() {
    return this == MULTIPLE_CHOICE ? "loglikelihood" : "generate_until";
  }

  @JsonCreator
  public static OutputType of(String name) {
    for (OutputType t : values()) {
      if (t.yamlName.equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown output_type '" + name + "' (multiple_choice or generate_until)");
  }
}
