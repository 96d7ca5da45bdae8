package io.podium.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.onnx.OnnxDecoderModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server answering {@code POST /v1/completions} as vLLM does, backed by an ONNX
 * engine with a byte-level tokenizer (the built-in {@code bigram-gpt}): one token per ASCII
 * character, so text offsets are character positions.
 *
 * <p>Echo requests ({@code echo: true, logprobs}) get, for every prompt token after the first,
 * its log-prob given the prompt before it (the last entry of the engine's token log-probs for
 * (prefix, token): the whole sequence's bytes are the same however the engine splits it), and as
 * top log-prob the engine's greedy next token with its log-prob; then {@code max_tokens} greedy
 * tokens. Other requests are greedy generation through the engine's own {@code generate}.
 */
final class EngineCompletionsServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final OnnxDecoderModel engine;
  private final HttpServer server;
  /** Answer this many requests with HTTP 500 before serving. */
  final AtomicInteger failuresToInject = new AtomicInteger();
  /** Every request's Authorization header (or "" when none), and body. */
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

  EngineCompletionsServer(OnnxDecoderModel engine) throws IOException {
    this.engine = engine;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(auth == null ? "" : auth);
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      bodies.add(body);
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "{\"error\":\"POST only\"}");
        return;
      }
      if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        // Echo the header back, as a careless proxy might: the client must not pass it on.
        send(exchange, 500, "{\"error\":\"injected failure\",\"authorization\":\"" + (auth == null ? "" : auth) + "\"}");
        return;
      }
      List<String> prompts = new ArrayList<>();
      if (body.path("prompt").isArray()) {
        body.path("prompt").forEach(p -> prompts.add(p.asText()));
      } else {
        prompts.add(body.path("prompt").asText());
      }
      ObjectNode answer = JSON.createObjectNode();
      answer.put("object", "text_completion");
      answer.put("model", body.path("model").asText());
      ArrayNode choices = answer.putArray("choices");
      int promptTokens = 0;
      int completionTokens = 0;
      for (int i = 0; i < prompts.size(); i++) {
        String prompt = prompts.get(i);
        for (char c : prompt.toCharArray()) {
          if (c > 127) {
            send(exchange, 400, "{\"error\":\"this test server speaks ASCII only\"}");
            return;
          }
        }
        ObjectNode choice = body.path("echo").asBoolean(false)
            ? echo(prompt, body.path("max_tokens").asInt(16))
            : generate(prompt, body);
        choice.put("index", i);
        choices.add(choice);
        promptTokens += prompt.length();
        completionTokens += choice.remove("_completion_tokens").asInt();
      }
      ObjectNode usage = answer.putObject("usage");
      usage.put("prompt_tokens", promptTokens);
      usage.put("completion_tokens", completionTokens);
      usage.put("total_tokens", promptTokens + completionTokens);
      send(exchange, 200, JSON.writeValueAsString(answer));
    } catch (RuntimeException e) {
      send(exchange, 400, JSON.writeValueAsString(JSON.createObjectNode().put("error", String.valueOf(e.getMessage()))));
    }
  }

  private ObjectNode echo(String prompt, int maxTokens) {
    if (prompt.isEmpty() || Character.isWhitespace(prompt.charAt(0))) {
      throw new IllegalArgumentException("this test server needs a prompt that starts with a non-space");
    }
    int n = prompt.length();
    // Greedy next character after every prefix (positions 1..n), then maxTokens - 1 more.
    List<GenerationRequest> next = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      next.add(new GenerationRequest(prompt.substring(0, i), List.of(), 1));
    }
    List<GenerationResult> greedy = engine.generate(next);
    List<LoglikelihoodRequest> scored = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      scored.add(new LoglikelihoodRequest(prompt.substring(0, i), prompt.substring(i, i + 1)));
    }
    for (int i = 1; i <= n; i++) {
      String g = greedy.get(i - 1).text();
      if (g.isEmpty() && i < n) {
        throw new IllegalStateException("the greedy token after " + i + " characters is not a character");
      }
      // After the whole prompt, end-of-text may be greedy: it has no text to score (see below).
      scored.add(new LoglikelihoodRequest(prompt.substring(0, i), g.isEmpty() ? " " : g));
    }
    List<LoglikelihoodResult> lp = engine.loglikelihood(scored);
    ObjectNode choice = JSON.createObjectNode();
    ObjectNode logprobs = JSON.createObjectNode();
    ArrayNode tokens = logprobs.putArray("tokens");
    ArrayNode tokenLogprobs = logprobs.putArray("token_logprobs");
    ArrayNode top = logprobs.putArray("top_logprobs");
    ArrayNode offsets = logprobs.putArray("text_offset");
    StringBuilder text = new StringBuilder(prompt);
    for (int i = 0; i < n; i++) {
      tokens.add(prompt.substring(i, i + 1));
      offsets.add(i);
      if (i == 0) {
        tokenLogprobs.addNull();
        top.addNull();
      } else {
        tokenLogprobs.add(last(lp.get(i - 1)));
        top.addObject().put(greedy.get(i - 1).text(), last(lp.get(n - 1 + i - 1)));
      }
    }
    // The generated tokens (max_tokens of them, greedy; here at most 1 is asked for).
    String g = greedy.get(n - 1).text();
    for (int k = 0; k < Math.min(maxTokens, 1); k++) {
      offsets.add(n);
      if (g.isEmpty()) {
        // End-of-text: this server cannot score it as text, so it gives no value (clients
        // drop the generated token anyway, as the harness does).
        tokens.add("<|endoftext|>");
        tokenLogprobs.addNull();
        top.addNull();
      } else {
        double v = last(lp.get(n - 1 + n - 1));
        tokens.add(g);
        tokenLogprobs.add(v);
        top.addObject().put(g, v);
        text.append(g);
      }
    }
    choice.put("text", text.toString());
    choice.set("logprobs", logprobs);
    choice.put("finish_reason", "length");
    choice.put("_completion_tokens", Math.min(maxTokens, 1));
    return choice;
  }

  private static double last(LoglikelihoodResult r) {
    return r.tokenLogprobs()[r.tokenLogprobs().length - 1];
  }

  private ObjectNode generate(String prompt, JsonNode body) {
    List<String> stops = new ArrayList<>();
    body.path("stop").forEach(s -> stops.add(s.asText()));
    if (stops.size() > 4) {
      throw new IllegalArgumentException("at most 4 stop sequences");
    }
    GenerationResult r = engine.generate(List.of(new GenerationRequest(prompt, stops, body.path("max_tokens").asInt(16))))
        .get(0);
    ObjectNode choice = JSON.createObjectNode();
    choice.put("text", r.text());
    choice.putNull("logprobs");
    if (r.stop().equals("max_gen_toks")) {
      choice.put("finish_reason", "length");
      choice.putNull("stop_reason");
    } else if (r.stop().equals("<eos>")) {
      choice.put("finish_reason", "stop");
      choice.putNull("stop_reason");
    } else {
      choice.put("finish_reason", "stop");
      choice.put("stop_reason", r.stop());
    }
    choice.put("_completion_tokens", r.tokens());
    return choice;
  }

  private static void send(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
