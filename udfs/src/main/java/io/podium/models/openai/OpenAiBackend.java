package io.podium.models.openai;

import io.podium.models.Backend;
import io.podium.models.LanguageModel;
import io.podium.models.ModelFolders;
import io.podium.models.ModelSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code backend: openai}: an OpenAI-compatible completions endpoint (vLLM, TGI, llama.cpp's
 * server); {@code uri} is its base URL and the model name sent is the model id. The API key comes
 * from the environment ({@code OPENAI_API_KEY}), never from a model file.
 */
public final class OpenAiBackend implements Backend {

  public static final String MAX_RETRIES = "max_retries";
  public static final String TIMEOUT_SECONDS = "timeout_seconds";
  public static final String BACKOFF_MS = "backoff_ms";

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Map<String, String> defaultOptions() {
    return Map.of(MAX_RETRIES, "4", TIMEOUT_SECONDS, "300", BACKOFF_MS, "1000");
  }

  @Override
  public void validate(ModelSpec spec) {
    if (!spec.uri().startsWith("http://") && !spec.uri().startsWith("https://")) {
      throw new IllegalArgumentException("model " + spec.modelId() + ": an openai uri is the endpoint's base URL"
          + " (http://host:port/v1), got " + spec.describe());
    }
    options(spec);
  }

  @Override
  public void checkExists(ModelSpec spec, Configuration hadoop) throws IOException {
    String base = spec.uri().endsWith("/") ? spec.uri().substring(0, spec.uri().length() - 1) : spec.uri();
    String shown = spec.describe();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<Void> response;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(Duration.ofSeconds(10));
      String key = System.getenv("OPENAI_API_KEY");
      if (key != null && !key.isEmpty()) {
        request.header("Authorization", "Bearer " + key);
      }
      response = client.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(shown + ": GET /models is not reachable: " + e.getMessage());
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalArgumentException(shown + ": GET /models answered HTTP " + response.statusCode()
          + (response.statusCode() == 401 ? " (set OPENAI_API_KEY to the endpoint's key)" : ""));
    }
  }

  @Override
  public boolean runsOnGpu(ModelSpec spec) {
    return false;
  }

  @Override
  public String computesWhere(ModelSpec spec) {
    return "computes on its server";
  }

  @Override
  public LanguageModel open(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders) {
    return new OpenAiCompletionsModel(spec.modelKey(), spec.uri(), spec.modelId(), options(spec));
  }

  static OpenAiCompletionsModel.Options options(ModelSpec spec) {
    int retries = nonNegative(spec, MAX_RETRIES, "4");
    int timeout = nonNegative(spec, TIMEOUT_SECONDS, "300");
    int backoff = nonNegative(spec, BACKOFF_MS, "1000");
    return new OpenAiCompletionsModel.Options(spec.batchSize(), System.getenv("OPENAI_API_KEY"), retries,
        Duration.ofSeconds(timeout), Duration.ofMillis(backoff));
  }

  private static int nonNegative(ModelSpec spec, String option, String fallback) {
    String value = spec.option(option, fallback);
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("model " + spec.modelId() + ": option " + option
        + " must be a non-negative integer, got '" + value + "'");
  }
}
