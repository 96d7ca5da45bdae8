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
import java.util.Set;
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
  public static final String RETRY_BUDGET_SECONDS = "retry_budget_seconds";
  public static final String RETRY_BUDGET_CALLS = "retry_budget_calls";

  /** How long the driver's check of the endpoint waits for {@code GET /models}. */
  private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(10);

  private static final Map<String, String> DEFAULTS = Map.of(
      MAX_RETRIES, Integer.toString(OpenAiCompletionsModel.Options.DEFAULT_MAX_RETRIES),
      TIMEOUT_SECONDS, Long.toString(OpenAiCompletionsModel.Options.DEFAULT_TIMEOUT.toSeconds()),
      BACKOFF_MS, Long.toString(OpenAiCompletionsModel.Options.DEFAULT_BACKOFF.toMillis()),
      RETRY_BUDGET_SECONDS, Long.toString(OpenAiCompletionsModel.Options.DEFAULT_BUDGET_TIME.toSeconds()),
      RETRY_BUDGET_CALLS, Integer.toString(OpenAiCompletionsModel.Options.DEFAULT_BUDGET_CALLS));

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public Map<String, String> defaultOptions() {
    return DEFAULTS;
  }

  /** All of them: how long to wait and how often to retry change no answer. */
  @Override
  public Set<String> connectionOptions() {
    return DEFAULTS.keySet();
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
    HttpClient client = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();
    HttpResponse<Void> response;
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/models")).timeout(CHECK_TIMEOUT);
      String key = System.getenv("OPENAI_API_KEY");
      if (key != null && !key.isEmpty()) {
        request.header("Authorization", "Bearer " + key);
      }
      response = client.send(request.GET().build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(shown + ": GET /models " + (e instanceof java.net.http.HttpTimeoutException
          ? "did not answer within " + CHECK_TIMEOUT.toSeconds() + " s" : "failed (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")") + ". Fix: start the server, or point uri"
          + " at it (the API's base URL, http://host:port/v1)");
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalArgumentException(shown + ": GET /models answered HTTP " + response.statusCode()
          + ". Fix: " + (response.statusCode() == 401 || response.statusCode() == 403
              ? "set OPENAI_API_KEY to the endpoint's key" : "is uri the API's base URL (http://host:port/v1)?"));
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
    int timeout = nonNegative(spec, TIMEOUT_SECONDS);
    if (timeout == 0) {
      throw new IllegalArgumentException("model " + spec.modelId() + ": option " + TIMEOUT_SECONDS
          + " must be at least 1: a call with no time to answer cannot succeed");
    }
    return new OpenAiCompletionsModel.Options(spec.batchSize(), System.getenv("OPENAI_API_KEY"),
        nonNegative(spec, MAX_RETRIES), Duration.ofSeconds(timeout), Duration.ofMillis(nonNegative(spec, BACKOFF_MS)),
        nonNegative(spec, RETRY_BUDGET_CALLS), Duration.ofSeconds(nonNegative(spec, RETRY_BUDGET_SECONDS)));
  }

  private static int nonNegative(ModelSpec spec, String option) {
    String value = spec.option(option, DEFAULTS.get(option));
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
