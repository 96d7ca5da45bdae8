package io.podium.submissions;

import io.podium.models.ModelSpec;
import io.podium.requests.ModelTemplates;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code submit --check}: is the model there? Each backend says what must exist
 * ({@link io.podium.models.Backend#checkExists}); a chat model's template must be readable too.
 */
final class ModelCheck {

  private ModelCheck() {}

  static void check(SubmissionRequest r, Configuration hadoop) throws IOException {
    ModelSpec spec = r.toSpec();
    spec.engine().checkExists(spec, hadoop);
    if (r.chatTemplate() && r.backend().equals("onnx")) {
      ModelTemplates.read(r.uri().replaceAll("/+$", "") + "/" + ModelTemplates.TOKENIZER_CONFIG, hadoop);
    }
  }
}
