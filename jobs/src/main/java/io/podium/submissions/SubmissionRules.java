package io.podium.submissions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.podium.conf.PodiumConf;
import io.podium.models.Backends;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The queue's rules ({@code conf/submissions.yaml}): the per-submitter quota and what a valid
 * request is.
 *
 * @param quota how many submissions a submitter may make in a window of days
 * @param movingRevisions revision names that do not pin a model
 * @param precisions known precisions
 * @param modelTypes the model types {@code submit --type} accepts
 */
public record SubmissionRules(Quota quota, List<String> movingRevisions, List<String> precisions,
    List<String> modelTypes) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** org/name, as on the Hugging Face Hub. */
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

  /** A revision: a commit hash, or a tag or branch name (refs/pr/1). */
  private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,127}");
  /** Who submits: a name or an address, on one line. */
  private static final Pattern SUBMITTER = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@-]{0,63}");

  /**
   * A value as a message shows it: quoted, control characters escaped (a newline cannot start a
   * line of its own), at most 80 characters.
   */
  static String shown(String value) {
    StringBuilder s = new StringBuilder("'");
    value.codePoints().limit(80).forEach(c -> {
      switch (c) {
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            s.append(String.format("\\x%02x", c));
          } else {
            s.appendCodePoint(c);
          }
        }
      }
    });
    return s.append(value.codePointCount(0, value.length()) > 80 ? "...' (" + value.length() + " characters)" : "'")
        .toString();
  }

  /** Whether {@code id} is a model id of the form org/name, as on the Hugging Face Hub. */
  public static boolean isModelId(String id) {
    return id != null && MODEL_ID.matcher(id).matches();
  }

  /** A license: an SPDX id or a Hub license tag (apache-2.0, llama3.1, other, ...). */
  private static final Pattern LICENSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");
  /** An architecture: a Transformers model class name (LlamaForCausalLM). */
  private static final Pattern ARCHITECTURE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,95}");
  /** The largest parameter count accepted, in billions: more is a typo (bytes, or millions given as billions). */
  private static final double MAX_PARAMS_BILLIONS = 100_000;

  public SubmissionRules {
    modelTypes = modelTypes == null ? List.of() : List.copyOf(modelTypes);
  }

  /** The queue's rules as shipped ({@code conf/submissions.yaml}). */
  public static SubmissionRules shipped() throws IOException {
    return PodiumConf.load("conf/submissions.yaml", SubmissionRules::load);
  }

  /** At most {@code perSubmitter} submissions per submitter in any {@code days}-day window. */
  public record Quota(int perSubmitter, int days) {}

  public static SubmissionRules load(InputStream in, String fileName) throws IOException {
    try {
      return YAML.readValue(in, SubmissionRules.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IOException("invalid submission rules " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** Checks a request; the message of the failure says what to change. */
  public void validate(SubmissionRequest r) {
    if (!MODEL_ID.matcher(r.modelId()).matches()) {
      throw new IllegalArgumentException("--model " + shown(r.modelId()) + " is not a model id of the form org/name"
          + " (letters, digits, '.', '_' and '-', at most 96 on each side)");
    }
    if (!REVISION.matcher(r.revision()).matches() || r.revision().contains("..")) {
      throw new IllegalArgumentException("--revision " + shown(r.revision()) + " is not a revision: give a commit"
          + " hash or a tag (letters, digits, '.', '_', '-' and '/', no '..')");
    }
    if (movingRevisions.contains(r.revision().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--revision '" + r.revision() + "' does not pin the model; give the commit"
          + " (or a tag that never moves) to evaluate");
    }
    if (r.submitter() != null && !SUBMITTER.matcher(r.submitter()).matches()) {
      throw new IllegalArgumentException("--submitter " + shown(r.submitter()) + " is not a name (letters, digits,"
          + " spaces and '.', '_', '@', '-', at most 64)");
    }
    if (r.uri() != null && !r.uri().isBlank() && (r.uri().length() > 2048 || r.uri().chars().anyMatch(c -> c < 0x20))) {
      throw new IllegalArgumentException("--uri is not a path or URL: it is longer than 2,048 characters or holds"
          + " control characters");
    }
    if (!precisions.contains(r.precision())) {
      throw new IllegalArgumentException("--precision '" + r.precision() + "' is not one of " + precisions);
    }
    if (!Backends.names().contains(r.backend())) {
      throw new IllegalArgumentException("--backend '" + r.backend() + "' is not one of " + Backends.names());
    }
    if (r.uri() == null || r.uri().isBlank()) {
      throw new IllegalArgumentException("--uri is required: the model folder (onnx), the endpoint (openai) or the"
          + " built-in model's name (builtin)");
    }
    if (r.uri().matches("(?i)^[a-z][a-z0-9+.-]*://[^/@]*:[^/@]*@.*")) {
      throw new IllegalArgumentException("--uri must not carry credentials; use the environment or Hadoop settings");
    }
    validate(r.card());
  }

  /** Checks what a submitter says of a model: known words, plain names, a plausible size. */
  public void validate(ModelCard card) {
    if (card.modelType() != null && !modelTypes.contains(card.modelType())) {
      throw new IllegalArgumentException("--type '" + card.modelType() + "' is not one of " + modelTypes
          + " (conf/submissions.yaml)");
    }
    Double params = card.paramsBillions();
    if (params != null && !(params > 0 && params <= MAX_PARAMS_BILLIONS)) {
      throw new IllegalArgumentException("--params " + params + " is not a parameter count in billions (give e.g."
          + " 7.24 for 7,240,000,000 parameters)");
    }
    if (card.license() != null && !LICENSE.matcher(card.license()).matches()) {
      throw new IllegalArgumentException("--license '" + card.license() + "' is not a license id (an SPDX id or the"
          + " Hub's license tag, e.g. apache-2.0, llama3.1, other)");
    }
    if (card.architecture() != null && !ARCHITECTURE.matcher(card.architecture()).matches()) {
      throw new IllegalArgumentException("--architecture '" + card.architecture() + "' is not a model class name"
          + " (e.g. LlamaForCausalLM)");
    }
    if (card.baseModel() != null && !MODEL_ID.matcher(card.baseModel()).matches()) {
      throw new IllegalArgumentException("--base-model '" + card.baseModel() + "' is not a model id of the form"
          + " org/name");
    }
  }
}
