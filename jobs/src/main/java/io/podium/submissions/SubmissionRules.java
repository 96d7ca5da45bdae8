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
 */
public record SubmissionRules(Quota quota, List<String> movingRevisions, List<String> precisions) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** org/name, as on the Hugging Face Hub. */
  private static final Pattern MODEL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}");

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
      throw new IllegalArgumentException("--model '" + r.modelId() + "' is not a model id of the form org/name");
    }
    if (r.revision().isBlank() || movingRevisions.contains(r.revision().toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("--revision '" + r.revision() + "' does not pin the model; give the commit"
          + " (or a tag that never moves) to evaluate");
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
  }
}
