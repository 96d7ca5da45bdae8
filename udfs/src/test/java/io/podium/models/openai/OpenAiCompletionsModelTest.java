package io.podium.models.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LanguageModel;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelFailure;
import io.podium.models.ModelFolders;
import io.podium.models.ModelSpec;
import io.podium.models.Models;
import io.podium.models.builtin.BuiltinModels;
import io.podium.models.onnx.OnnxDecoderModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completions client against a real HTTP server that serves the built-in bigram model: its
 * results must be the engine's own.
 */
class OpenAiCompletionsModelTest {

  @TempDir
  static Path tmp;
  static OnnxDecoderModel engine;
  static EngineCompletionsServer server;

  @BeforeAll
  static void start() throws Exception {
    engine = new OnnxDecoderModel("builtin:bigram-gpt", BuiltinModels.materialize("bigram-gpt", tmp),
        OnnxDecoderModel.Options.defaults());
    server = new EngineCompletionsServer(engine);
  }

  @AfterAll
  static void stop() {
    server.close();
    engine.close();
  }

  @BeforeEach
  void reset() {
    server.failuresToInject.set(0);
    server.authorizations.clear();
    server.bodies.clear();
  }

  static OpenAiCompletionsModel client(int batchSize, String key) {
    return new OpenAiCompletionsModel("org/bigram@v1#float32", server.baseUrl(), "org/bigram",
        new OpenAiCompletionsModel.Options(batchSize, key, 2, Duration.ofSeconds(60), Duration.ofMillis(10)));
  }

  static final List<LoglikelihoodRequest> REQUESTS = List.of(
      new LoglikelihoodRequest("Q: Is the sky blue?\nA:", " yes"),
      new LoglikelihoodRequest("Q: Is the sky blue?\nA:", " no"),
      new LoglikelihoodRequest("Question: what is the capital of France?\nAnswer:", " Paris"),
      new LoglikelihoodRequest("Short", " x"),
      new LoglikelihoodRequest("The cat sat on the", " mat"),
      new LoglikelihoodRequest("Trailing spaces move to the continuation   ", "ok"),
      new LoglikelihoodRequest("t", "he"),
      new LoglikelihoodRequest("Mixed, punctuation; and numbers 1 2 3 and", " the end."));

  @Test
  void loglikelihoodsAndGreedinessAreTheEnginesOwn() {
    List<LoglikelihoodResult> expected = engine.loglikelihood(REQUESTS);
    try (OpenAiCompletionsModel model = client(3, null)) {
      List<LoglikelihoodResult> got = model.loglikelihood(REQUESTS);
      assertEquals(REQUESTS.size(), got.size());
      int greedy = 0;
      for (int i = 0; i < REQUESTS.size(); i++) {
        LoglikelihoodResult e = expected.get(i);
        LoglikelihoodResult g = got.get(i);
        assertEquals(e.logprob(), g.logprob(), 1e-4, "request " + i);
        assertEquals(e.isGreedy(), g.isGreedy(), "request " + i);
        assertEquals(e.tokens(), g.tokens(), "request " + i);
        assertEquals(e.contextTokens(), g.contextTokens(), "request " + i);
        for (int t = 0; t < e.tokens(); t++) {
          assertEquals(e.tokenLogprobs()[t], g.tokenLogprobs()[t], 1e-4, "request " + i + " token " + t);
        }
        greedy += g.isGreedy() ? 1 : 0;
      }
      // Both kinds occur, so greediness is really compared.
      assertTrue(greedy > 0 && greedy < REQUESTS.size(), "greedy " + greedy + " of " + REQUESTS.size());
    }
    // 8 requests, 3 prompts per request: 3 calls, the harness's payload.
    assertEquals(3, server.bodies.size());
    assertEquals(3, server.bodies.get(0).path("prompt").size());
    assertEquals(2, server.bodies.get(2).path("prompt").size());
    assertTrue(server.bodies.get(0).path("echo").asBoolean());
    assertEquals(1, server.bodies.get(0).path("logprobs").asInt());
    assertEquals(1, server.bodies.get(0).path("max_tokens").asInt());
    assertEquals(0, server.bodies.get(0).path("temperature").asInt());
    assertEquals("org/bigram", server.bodies.get(0).path("model").asText());
  }

  @Test
  void batchingDoesNotChangeResults() {
    List<LoglikelihoodResult> batched;
    List<LoglikelihoodResult> alone;
    try (OpenAiCompletionsModel wide = client(16, null); OpenAiCompletionsModel single = client(1, null)) {
      batched = wide.loglikelihood(REQUESTS);
      alone = single.loglikelihood(REQUESTS);
    }
    for (int i = 0; i < REQUESTS.size(); i++) {
      assertEquals(alone.get(i).logprob(), batched.get(i).logprob(), 1e-6, "request " + i);
      assertEquals(alone.get(i).isGreedy(), batched.get(i).isGreedy(), "request " + i);
    }
  }

  @Test
  void generationIsTheEnginesGreedyGeneration() {
    List<GenerationRequest> requests = List.of(
        new GenerationRequest("Q: What is the capital of France?\nA:", List.of("\n"), 40),
        new GenerationRequest("The", List.of(), 12),
        new GenerationRequest("Once upon a time", List.of(" ", "e"), 30),
        new GenerationRequest("In the", List.of("zz", "qq", "xx", "jj", "e"), 30));
    List<GenerationResult> expected = engine.generate(requests);
    try (OpenAiCompletionsModel model = client(4, null)) {
      List<GenerationResult> got = model.generate(requests);
      for (int i = 0; i < requests.size(); i++) {
        assertEquals(expected.get(i).text(), got.get(i).text(), "request " + i);
        assertEquals(expected.get(i).stop(), got.get(i).stop(), "request " + i);
        assertEquals(expected.get(i).contextTokens(), got.get(i).contextTokens(), "request " + i);
        if (i < 3) {
          assertEquals(expected.get(i).tokens(), got.get(i).tokens(), "request " + i);
        }
      }
      assertTrue(List.of(" ", "e").contains(got.get(2).stop()), got.get(2).stop());
      assertEquals("e", got.get(3).stop(), "the fifth stop sequence, found by the client");
      assertEquals("max_gen_toks", got.get(1).stop());
      assertEquals(12, got.get(1).tokens());
    }
    // The fifth stop sequence is not sent (the API takes four) but still cuts the text.
    assertEquals(4, server.bodies.get(3).path("stop").size());
    assertEquals(40, server.bodies.get(0).path("max_tokens").asInt());
    assertEquals(0, server.bodies.get(0).path("temperature").asInt());
    assertFalse(server.bodies.get(1).has("stop"));
  }

  @Test
  void theKeyIsSentAsABearerTokenAndNeverShown() {
    String key = "sk-test-0123456789abcdef";
    try (OpenAiCompletionsModel model = client(4, key)) {
      model.loglikelihood(REQUESTS.subList(0, 2));
      assertEquals(List.of("Bearer " + key), server.authorizations);

      server.failuresToInject.set(10); // more than the retries; the 500 body echoes the header
      ModelFailure e = assertThrows(ModelFailure.class, () -> model.loglikelihood(REQUESTS.subList(0, 2)));
      assertFalse(e.getMessage().contains(key), e.getMessage());
      assertFalse(String.valueOf(e.getCause()).contains(key));
      assertTrue(e.getMessage().contains("org/bigram") && e.getMessage().contains(server.baseUrl() + "/completions")
          && e.getMessage().contains("HTTP 500") && e.getMessage().contains("(3 attempts)"), e.getMessage());
      assertEquals(0, e.request());
      assertEquals(3, server.authorizations.size() - 1, "1 try + 2 retries");
      assertFalse(model.toString().contains(key));
    }
    assertFalse(new OpenAiCompletionsModel.Options(1, key, 1, Duration.ofSeconds(1), Duration.ZERO).toString()
        .contains(key));
    server.failuresToInject.set(0);
    try (OpenAiCompletionsModel model = client(4, null)) {
      server.authorizations.clear();
      model.loglikelihood(REQUESTS.subList(0, 1));
      assertEquals(List.of(""), server.authorizations);
    }
  }

  @Test
  void aServerErrorIsRetried() {
    List<LoglikelihoodResult> expected = engine.loglikelihood(REQUESTS.subList(0, 3));
    try (OpenAiCompletionsModel model = client(8, null)) {
      server.failuresToInject.set(1);
      List<LoglikelihoodResult> got = model.loglikelihood(REQUESTS.subList(0, 3));
      assertEquals(2, server.bodies.size(), "a 500, then a 200");
      for (int i = 0; i < 3; i++) {
        assertEquals(expected.get(i).logprob(), got.get(i).logprob(), 1e-4);
      }
      server.failuresToInject.set(1);
      GenerationResult g = model.generate(List.of(new GenerationRequest("The", List.of(), 5))).get(0);
      assertEquals(engine.generate(List.of(new GenerationRequest("The", List.of(), 5))).get(0).text(), g.text());
    }
  }

  @Test
  void errorsNameTheModelEndpointAndRequest() {
    try (OpenAiCompletionsModel model = client(2, null)) {
      List<LoglikelihoodRequest> withEmpty = new ArrayList<>(REQUESTS.subList(0, 3));
      withEmpty.add(new LoglikelihoodRequest("", "no context"));
      ModelFailure e = assertThrows(ModelFailure.class, () -> model.loglikelihood(withEmpty));
      assertEquals(3, e.request());
      assertTrue(e.getMessage().contains("empty context") && e.getMessage().contains("Fix: "), e.getMessage());
    }
    OpenAiCompletionsModel wrongPath = new OpenAiCompletionsModel("m", "http://user:secret@127.0.0.1:"
        + server.baseUrl().split(":")[2].split("/")[0] + "/nowhere", "org/bigram",
        new OpenAiCompletionsModel.Options(1, null, 0, Duration.ofSeconds(10), Duration.ZERO));
    ModelFailure e = assertThrows(ModelFailure.class,
        () -> wrongPath.generate(List.of(new GenerationRequest("The", List.of(), 3))));
    assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("/nowhere/completions"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new OpenAiCompletionsModel("m", "ftp://host/v1", "m",
        OpenAiCompletionsModel.Options.fromEnvironment(1)));
  }

  @Test
  void modelsOpensTheOpenaiBackend() throws Exception {
    ModelSpec spec = new ModelSpec("org/bigram", "v1", "float32", "openai", server.baseUrl(), 4, null);
    LanguageModel model = Models.get(spec, null, new ModelFolders() {
      @Override
      public Path localize(String uri) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Path cacheRoot() {
        return tmp;
      }
    });
    assertEquals("http", model.device());
    assertEquals("org/bigram@v1#float32", model.name());
    assertEquals(engine.loglikelihood(REQUESTS.subList(3, 4)).get(0).logprob(),
        model.loglikelihood(REQUESTS.subList(3, 4)).get(0).logprob(), 1e-4);
  }
}
