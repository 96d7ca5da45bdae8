package io.podium.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that answers {@code GET /v1/models} as an OpenAI-compatible
 * server does, and every {@code POST /v1/completions} with one fault: an error status, a body
 * that is not JSON or no completion, or no answer at all. An {@code Authorization} header is
 * echoed into error bodies, as a careless server might, so tests can check that no key shows.
 */
final class FaultyEndpoint implements AutoCloseable {

  /**
   * What completions get: an error, something that is no completion, no answer; or, for runs that
   * must get somewhere first, made-up log-probs (each prompt character a token of log-prob -1) to
   * every call ({@code ANSWERS}) or to the first call only, then 500s ({@code FIRST_CALL_ANSWERS}).
   */
  enum Fault { ERROR_500, RATE_LIMITED, NOT_JSON, NOT_A_COMPLETION, NO_ANSWER, ANSWERS, FIRST_CALL_ANSWERS }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Fault fault = Fault.ERROR_500;
  final AtomicInteger completions = new AtomicInteger();

  FaultyEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(threads);
    server.createContext("/v1/models", e -> send(e, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"org/faulty\"}]}", null));
    server.createContext("/v1/completions", this::complete);
    server.start();
  }

  /** The base URL a model file names: {@code http://127.0.0.1:PORT/v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  void fault(Fault f) {
    fault = f;
    completions.set(0);
  }

  private void complete(HttpExchange e) throws IOException {
    byte[] request = e.getRequestBody().readAllBytes();
    int call = completions.incrementAndGet();
    String auth = e.getRequestHeaders().getFirst("Authorization");
    if (fault == Fault.ANSWERS || (fault == Fault.FIRST_CALL_ANSWERS && call == 1)) {
      send(e, 200, echo(JSON.readTree(request).path("prompt")), null);
      return;
    }
    switch (fault) {
      case ERROR_500 -> send(e, 500, "{\"error\":\"internal error\",\"auth\":\"" + auth + "\"}", null);
      case RATE_LIMITED -> send(e, 429, "{\"error\":\"rate limited\"}", "1");
      case NOT_JSON -> send(e, 200, "<html><body>502 Bad Gateway</body></html>", null);
      case NOT_A_COMPLETION -> send(e, 200, "{\"id\":\"x\",\"object\":\"text_completion\",\"result\":\"ok\"}", null);
      case ANSWERS, FIRST_CALL_ANSWERS -> send(e, 500, "{\"error\":\"no more answers\"}", null);
      case NO_ANSWER -> {
        try {
          closing.await(10, TimeUnit.MINUTES); // holds the connection, answering nothing
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
        e.close();
      }
    }
  }

  /** A completions answer echoing each prompt, one token per character, each of log-prob -1. */
  private static String echo(JsonNode prompts) {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode choices = answer.putArray("choices");
    int index = 0;
    for (JsonNode prompt : prompts.isArray() ? prompts : JSON.createArrayNode().add(prompts)) {
      String text = prompt.asText();
      ObjectNode choice = choices.addObject();
      choice.put("index", index++);
      choice.put("text", text + ".");
      ObjectNode logprobs = choice.putObject("logprobs");
      ArrayNode tokens = logprobs.putArray("tokens");
      ArrayNode values = logprobs.putArray("token_logprobs");
      ArrayNode top = logprobs.putArray("top_logprobs");
      ArrayNode offsets = logprobs.putArray("text_offset");
      for (int i = 0; i <= text.length(); i++) { // the prompt's characters, then one generated token
        String token = i < text.length() ? text.substring(i, i + 1) : ".";
        tokens.add(token);
        values.add(-1.0);
        top.addObject().put(token, -1.0);
        offsets.add(i);
      }
    }
    return answer.toString();
  }

  private static void send(HttpExchange e, int code, String body, String retryAfter) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/html");
    if (retryAfter != null) {
      e.getResponseHeaders().set("Retry-After", retryAfter);
    }
    e.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
