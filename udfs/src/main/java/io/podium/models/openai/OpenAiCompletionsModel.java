package io.podium.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LanguageModel;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelFailure;
import io.podium.models.RetryBudget;
import io.podium.models.StopSequences;
import io.podium.python.PyStr;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Logger;

/**
 * A model served behind an OpenAI-compatible {@code /v1/completions} endpoint (vLLM, TGI, SGLang,
 * llama.cpp server, ...), as the lm-evaluation-harness's {@code local-completions} model uses it.
 *
 * <ul>
 *   <li>Log-likelihood: the prompt is context + continuation, sent with {@code echo: true,
 *       logprobs: 1, max_tokens: 1, temperature: 0} (the harness's payload; the one generated
 *       token is dropped, as the harness drops it). The continuation's tokens are the echoed
 *       tokens whose {@code text_offset} is at or after the end of the context (its trailing
 *       whitespace moved to the continuation, as {@code _encode_pair} does); the log-likelihood is
 *       the sum of their {@code token_logprobs}, and a token is greedy when its log-prob equals the
 *       best of its {@code top_logprobs}. Several prompts go in one request ({@code prompt} as a
 *       list), {@code batchSize} at a time. The server tokenizes, so an empty context (the harness
 *       feeds the end-of-text token) cannot be scored and is refused.
 *   <li>Generation: one request per prompt, {@code max_tokens: max_gen_toks, temperature: 0} and the
 *       first four stop sequences (the API's limit); the text is cut before the first of all stop
 *       sequences, as the harness cuts it.
 * </ul>
 *
 * <p>The API key, if any, is sent as a bearer token; it never appears in logs or exceptions.
 * Requests answered 429 or 5xx, or failing on I/O, are retried with exponential backoff.
 */
public final class OpenAiCompletionsModel implements LanguageModel {

  private static final Logger LOG = Logger.getLogger(OpenAiCompletionsModel.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The API accepts at most four stop sequences. */
  static final int MAX_STOP = 4;

  /** The seed the harness sends with every completions request (openai_completions.py:88, seed=1234). */
  static final int HARNESS_SEED = 1234;

  /**
   * Connection settings; {@code apiKey} may be null (no Authorization header).
   *
   * @param batchSize prompts per log-likelihood request
   * @param apiKey the bearer token, or null
   * @param maxRetries retries of one request after its first attempt
   * @param timeout the most one call may take, from sending to the whole answer
   * @param backoff the wait before the first retry, doubled for each next one (a server's
   *     {@code Retry-After}, when longer, is waited instead)
   * @param budgetCalls the most failed calls a loaded model accepts over all its requests
   * @param budgetTime the most time it spends in failed calls and waits over all its requests
   */
  public record Options(int batchSize, String apiKey, int maxRetries, Duration timeout, Duration backoff,
      int budgetCalls, Duration budgetTime) {

    public static final int DEFAULT_MAX_RETRIES = 3;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    public static final int DEFAULT_BUDGET_CALLS = 50;
    public static final Duration DEFAULT_BUDGET_TIME = Duration.ofMinutes(10);

    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
      apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    /** These settings with the default retry budget. */
    public Options(int batchSize, String apiKey, int maxRetries, Duration timeout, Duration backoff) {
      this(batchSize, apiKey, maxRetries, timeout, backoff, DEFAULT_BUDGET_CALLS, DEFAULT_BUDGET_TIME);
    }

    @Override
    public String toString() { // never the key
      return "Options[batchSize=" + batchSize + ", apiKey=" + (apiKey == null ? "none" : "***")
          + ", maxRetries=" + maxRetries + ", timeout=" + timeout + ", backoff=" + backoff
          + ", budgetCalls=" + budgetCalls + ", budgetTime=" + budgetTime + "]";
    }

    /** The defaults, with the key of the environment variable {@code OPENAI_API_KEY} if set. */
    public static Options fromEnvironment(int batchSize) {
      return new Options(batchSize, System.getenv("OPENAI_API_KEY"), DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT,
          DEFAULT_BACKOFF);
    }
  }

  private final String name;
  private final String model;
  private final URI endpoint;
  private final String endpointForMessages;
  private final Options options;
  private final HttpClient client;
  private final RetryBudget budget;

  /**
   * @param name for logs, e.g. the model key
   * @param baseUrl the API's base URL, e.g. {@code http://host:8000/v1} (or the full
   *     {@code .../completions} URL)
   * @param model the model name sent in each request
   */
  public OpenAiCompletionsModel(String name, String baseUrl, String model, Options options) {
    this.name = name;
    this.model = model;
    this.options = options;
    String base = baseUrl.strip();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    this.endpoint = URI.create(base.endsWith("/completions") ? base : base + "/completions");
    if (endpoint.getScheme() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
      throw new IllegalArgumentException("model " + model + ": uri must be an http(s) URL such as http://host:8000/v1, got "
          + withoutCredentials(URI.create(base)));
    }
    this.endpointForMessages = withoutCredentials(endpoint);
    Duration connect = options.timeout().compareTo(Duration.ofSeconds(30)) < 0 ? options.timeout()
        : Duration.ofSeconds(30);
    this.client = HttpClient.newBuilder().connectTimeout(connect.isZero() ? Duration.ofSeconds(1) : connect).build();
    this.budget = new RetryBudget(options.budgetCalls(), options.budgetTime());
  }

  /** The URL without user info, query or fragment (where credentials could hide). */
  static String withoutCredentials(URI uri) {
    StringBuilder s = new StringBuilder();
    if (uri.getScheme() != null) {
      s.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      s.append(uri.getHost());
    }
    if (uri.getPort() >= 0) {
      s.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      s.append(uri.getRawPath());
    }
    return s.toString();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String device() {
    return "http";
  }

  @Override
  public String executionProvider() {
    return "http";
  }

  /** The completions URL requests go to (without credentials). */
  public String endpoint() {
    return endpointForMessages;
  }

  // ------------------------------------------------------------------ log-likelihood

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
    List<LoglikelihoodResult> results = new ArrayList<>(requests.size());
    for (int s = 0; s < requests.size(); s += options.batchSize()) {
      int e = Math.min(requests.size(), s + options.batchSize());
      ObjectNode body = JSON.createObjectNode();
      body.put("model", model);
      ArrayNode prompts = body.putArray("prompt");
      for (int i = s; i < e; i++) {
        LoglikelihoodRequest r = requests.get(i);
        if (r.context().isEmpty()) {
          throw new ModelFailure(failure(i, "cannot score an empty context through the completions API"
              + " (the server tokenizes; the first prompt token has no log-prob)"), i,
              "evaluate this benchmark with the model's ONNX export");
        }
        prompts.add(r.context() + r.continuation());
      }
      body.put("temperature", 0);
      body.put("max_tokens", 1);
      body.put("logprobs", 1);
      body.put("echo", true);
      body.put("seed", HARNESS_SEED);
      JsonNode choices = post(body, s).path("choices");
      JsonNode[] byIndex = new JsonNode[e - s];
      for (JsonNode c : choices) {
        int index = c.path("index").asInt(-1);
        if (index < 0 || index >= byIndex.length) {
          throw new ModelFailure(failure(s, "answered a choice with index " + c.path("index") + " for "
              + byIndex.length + " prompts"), s, "is uri an OpenAI-compatible completions API (vLLM, TGI, SGLang, llama.cpp's server)?");
        }
        byIndex[index] = c;
      }
      for (int i = s; i < e; i++) {
        if (byIndex[i - s] == null) {
          throw new ModelFailure(failure(i, "answered no choice for this prompt"), i, "is uri an OpenAI-compatible completions API (vLLM, TGI, SGLang, llama.cpp's server)?");
        }
        results.add(score(requests.get(i), byIndex[i - s], i));
      }
    }
    return results;
  }

  private LoglikelihoodResult score(LoglikelihoodRequest r, JsonNode choice, int index) {
    JsonNode logprobs = choice.path("logprobs");
    JsonNode tokenLogprobs = logprobs.path("token_logprobs");
    JsonNode topLogprobs = logprobs.path("top_logprobs");
    JsonNode offsets = logprobs.path("text_offset");
    if (!tokenLogprobs.isArray() || !offsets.isArray() || !topLogprobs.isArray()
        || tokenLogprobs.size() != offsets.size() || topLogprobs.size() != offsets.size()) {
      throw new ModelFailure(failure(index, "answered without echoed logprobs (token_logprobs, top_logprobs,"
          + " text_offset)"), index, "serve the model with a server that echoes the prompt's logprobs (vLLM does)");
    }
    // As _encode_pair: the context's trailing whitespace belongs to the continuation. Offsets
    // count characters of the prompt as Python does (code points).
    String prompt = r.context() + r.continuation();
    int end = r.context().length();
    while (end > 0 && PyStr.isSpace(r.context().charAt(end - 1))) {
      end--;
    }
    int boundary = r.context().codePointCount(0, end);
    int promptLength = prompt.codePointCount(0, prompt.length());
    // The last entry is the one generated token (max_tokens 1); the harness drops it.
    int n = offsets.size() - 1;
    List<Float> cont = new ArrayList<>();
    int contextTokens = 0;
    boolean greedy = true;
    double sum = 0;
    for (int t = 0; t < n; t++) {
      int offset = offsets.get(t).asInt();
      if (offset >= promptLength) {
        break; // generated, not echoed
      }
      if (offset < boundary) {
        contextTokens++;
        continue;
      }
      JsonNode lp = tokenLogprobs.get(t);
      if (lp == null || !lp.isNumber()) {
        throw new ModelFailure(failure(index, "answered no log-prob for continuation token " + cont.size()), index,
            "serve the model with a server that echoes the prompt's logprobs (vLLM does)");
      }
      double v = lp.asDouble();
      sum += v;
      cont.add((float) v);
      JsonNode top = topLogprobs.get(t);
      if (top != null && top.isObject()) {
        double best = Double.NEGATIVE_INFINITY;
        for (Iterator<JsonNode> it = top.elements(); it.hasNext();) {
          best = Math.max(best, it.next().asDouble());
        }
        if (v < best) {
          greedy = false;
        }
      } else {
        greedy = false;
      }
    }
    float[] values = new float[cont.size()];
    for (int t = 0; t < values.length; t++) {
      values[t] = cont.get(t);
    }
    return new LoglikelihoodResult(sum, greedy, values.length, values, contextTokens);
  }


  // ------------------------------------------------------------------ generation

  @Override
  public List<GenerationResult> generate(List<GenerationRequest> requests) {
    List<GenerationResult> results = new ArrayList<>(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      GenerationRequest r = requests.get(i);
      ObjectNode body = JSON.createObjectNode();
      body.put("model", model);
      body.put("prompt", r.context());
      body.put("max_tokens", r.maxGenToks());
      body.put("temperature", 0);
      List<String> stops = r.until().stream().filter(u -> !u.isEmpty()).toList();
      if (!stops.isEmpty()) {
        ArrayNode stop = body.putArray("stop");
        stops.stream().limit(MAX_STOP).forEach(stop::add);
      }
      body.put("seed", HARNESS_SEED);
      JsonNode answer = post(body, i);
      JsonNode choice = answer.path("choices").path(0);
      if (!choice.path("text").isTextual()) {
        throw new ModelFailure(failure(i, "answered without choices[0].text"), i, "is uri an OpenAI-compatible completions API (vLLM, TGI, SGLang, llama.cpp's server)?");
      }
      String text = choice.path("text").asText();
      // Cut before the first stop sequence, as the harness does (the server may not have been
      // given them all, or may have kept one).
      StopSequences.Cut cut = StopSequences.cut(text, stops);
      String found = cut.stop();
      text = cut.text();
      String stop;
      if (found != null) {
        stop = found;
      } else if (choice.path("finish_reason").asText("").equals("length")) {
        stop = "max_gen_toks";
      } else if (choice.path("stop_reason").isTextual()) {
        stop = choice.path("stop_reason").asText(); // vLLM: the stop sequence matched
      } else if (choice.path("finish_reason").asText("").equals("stop")) {
        stop = choice.has("stop_reason") || stops.isEmpty() ? "<eos>" : "stop";
      } else {
        stop = choice.path("finish_reason").asText("unknown");
      }
      JsonNode usage = answer.path("usage");
      results.add(new GenerationResult(text, usage.path("completion_tokens").asInt(-1), stop,
          usage.path("prompt_tokens").asInt(-1)));
    }
    return results;
  }

  // ------------------------------------------------------------------ HTTP

  private JsonNode post(ObjectNode body, int index) {
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new ModelFailure(failure(index, "cannot be sent the request: " + e.getMessage()), index, null, e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
        .timeout(options.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    if (options.apiKey() != null) {
      builder.header("Authorization", "Bearer " + options.apiKey());
    }
    HttpRequest request = builder.build();
    for (int attempt = 1; ; attempt++) {
      long started = System.nanoTime();
      String what;
      String fix;
      Duration retryAfter = null;
      boolean retryable = true;
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        int code = response.statusCode();
        if (code / 100 == 2) {
          try {
            return JSON.readTree(response.body());
          } catch (IOException e) {
            throw new ModelFailure(failure(index, "answered HTTP " + code + " with something that is not JSON: "
                + quote(response.body())), index, "is uri the base URL of an OpenAI-compatible API"
                + " (http://host:port/v1)?");
          }
        }
        what = "answered HTTP " + code + ": " + quote(response.body());
        retryable = code == 429 || code / 100 == 5;
        if (retryable) {
          retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
        }
        fix = fixFor(code);
      } catch (HttpTimeoutException e) {
        what = "did not answer within " + seconds(options.timeout());
        fix = "is the server stuck or overloaded? If it is only slow, raise timeout_seconds in the model file";
      } catch (ConnectException e) {
        what = "refused the connection";
        fix = "start the server, or point uri at it";
      } catch (IOException e) {
        what = "failed: " + e.getClass().getSimpleName() + ": " + redact(String.valueOf(e.getMessage()));
        fix = "check the server and the network between it and the executors";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelFailure(failure(index, "was interrupted"), index, null);
      }
      budget.failed(Duration.ofNanos(System.nanoTime() - started));
      if (!retryable) {
        throw new ModelFailure(failure(index, what), index, fix);
      }
      if (attempt > options.maxRetries()) {
        throw new ModelFailure(failure(index, what + " (" + attempt + " attempts)"), index,
            fix + "; or raise max_retries in the model file");
      }
      Duration wait = options.backoff().multipliedBy(1L << Math.min(attempt - 1, 10));
      if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
        wait = retryAfter;
      }
      if (!budget.allows(wait)) {
        throw new ModelFailure(failure(index, what + " (" + attempt + " attempt(s); the run's retry budget is spent: "
            + budget.describe() + (retryAfter != null ? "; the server asked to wait " + seconds(retryAfter) : "")
            + ")"), index, fix + "; or raise retry_budget_seconds or retry_budget_calls in the model file");
      }
      LOG.info(failure(index, what + "; retrying in " + wait.toMillis() + " ms (" + budget.describe() + ")"));
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ModelFailure(failure(index, "was interrupted"), index, null);
      }
      budget.waited(wait);
    }
  }

  private static String fixFor(int code) {
    if (code == 429) {
      return "the server limits the request rate: lower batch_size, or give the run more time with"
          + " retry_budget_seconds in the model file";
    }
    if (code == 401 || code == 403) {
      return "set OPENAI_API_KEY to the endpoint's key";
    }
    if (code == 404) {
      return "is uri the API's base URL (http://host:port/v1), and model_id a model the server serves?";
    }
    if (code / 100 == 5) {
      return "see the server's log";
    }
    return "see the server's answer";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /** What failed and where: this model, its endpoint, and what the endpoint did. */
  private String failure(int index, String what) {
    return name + " at " + endpointForMessages + " " + what;
  }

  /** A server's answer in a message: one line, short, and without the key. */
  private String quote(String body) {
    return "'" + redact(abbreviate(body == null ? "" : body.replaceAll("\\s+", " "))) + "'";
  }

  /** A server could echo the Authorization header back; never let the key through. */
  private String redact(String s) {
    if (s == null || options.apiKey() == null) {
      return s;
    }
    return s.replace(options.apiKey(), "***");
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    s = s.strip();
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  @Override
  public void close() {
    // HttpClient has no close before Java 21; its threads end with the JVM.
  }
}
