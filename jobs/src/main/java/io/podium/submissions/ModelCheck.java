package io.podium.submissions;

import io.podium.models.builtin.BuiltinModels;
import io.podium.requests.ModelTemplates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code submit --check}: is the model there? An ONNX export folder (local or s3a) must hold
 * {@code model.onnx} and {@code tokenizer.json}; an OpenAI-compatible endpoint must answer
 * {@code GET <uri>/models}; a built-in model must exist.
 */
final class ModelCheck {

  private ModelCheck() {}

  static void check(SubmissionRequest r, Configuration hadoop) throws IOException {
    switch (r.backend()) {
      case "onnx" -> {
        Path folder = new Path(r.uri());
        FileSystem fs = folder.getFileSystem(hadoop);
        for (String file : new String[] {"model.onnx", "tokenizer.json"}) {
          if (!fs.exists(new Path(folder, file))) {
            throw new IllegalArgumentException("--check: " + r.uri() + " has no " + file
                + "; give the folder of an Optimum ONNX export (text-generation-with-past)");
          }
        }
        if (r.chatTemplate()) {
          ModelTemplates.read(r.uri().replaceAll("/+$", "") + "/" + ModelTemplates.TOKENIZER_CONFIG, hadoop);
        }
      }
      case "openai" -> {
        String base = r.uri().endsWith("/") ? r.uri().substring(0, r.uri().length() - 1) : r.uri();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
          HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/models"))
              .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() / 100 != 2) {
            throw new IllegalArgumentException("--check: " + base + "/models answered HTTP " + response.statusCode());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (IOException | IllegalArgumentException e) {
          if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith("--check")) {
            throw iae;
          }
          throw new IllegalArgumentException("--check: " + base + "/models is not reachable: " + e.getMessage());
        }
      }
      case "builtin" -> {
        if (!BuiltinModels.NAMES.contains(r.uri()) && !r.uri().equals("sphinx-trigram")) {
          throw new IllegalArgumentException("--check: no built-in model '" + r.uri() + "' (built-in: "
              + String.join(", ", BuiltinModels.NAMES) + ", sphinx-trigram)");
        }
      }
      default -> throw new IllegalArgumentException("unknown backend " + r.backend());
    }
  }
}
