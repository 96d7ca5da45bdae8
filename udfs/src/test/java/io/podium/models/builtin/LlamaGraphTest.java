package io.podium.models.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.onnx.Float16;
import io.podium.models.onnx.OnnxDecoderModel;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Llama-architecture graph against the architecture's equations computed in plain Java. */
class LlamaGraphTest {

  /** Small, but with every feature on: 2 key/value heads for 6 query heads, biases, tied head. */
  static final LlamaShape SMALL = new LlamaShape(97, 48, 6, 2, 2, 80, 64, 10_000, 1e-6, true, true, false);

  /** Every parameter random (gains near 1, biases too), so each equation's term shows. */
  static final GptWeights RANDOM = (name, shape) -> {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    SplittableRandom random = new SplittableRandom(name.hashCode());
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (name.endsWith(".g") ? 1 + 0.2 * random.nextGaussian() : 0.25 * random.nextGaussian());
    }
    return out;
  };

  static final int[] TOKENS = {5, 17, 96, 0, 42, 42, 7, 63, 11};

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "float16={0}")
  @ValueSource(booleans = {false, true})
  void everyPositionsLogitsAreTheEquations(boolean half) throws Exception {
    LlamaShape shape = SMALL.withFloat16(half);
    double[][] expected = new LlamaReference(shape, RANDOM).logits(TOKENS);
    float[][] actual = run(shape, false, TOKENS, 0);
    for (int i = 0; i < TOKENS.length; i++) {
      for (int v = 0; v < shape.vocab(); v++) {
        // float32: to 1e-4. float16 logits: to one half-precision step of their size.
        double tolerance = half ? Math.max(1e-3, Math.abs(expected[i][v]) / 1024) : 1e-4;
        assertEquals(expected[i][v], actual[i][v], tolerance, "position " + i + ", token " + v);
      }
    }
  }

  @Test
  void untiedHeadAndNoBiasesToo() throws Exception {
    LlamaShape shape = new LlamaShape(97, 32, 4, 4, 1, 64, 64, 500_000, 1e-5, false, false, false);
    double[][] expected = new LlamaReference(shape, RANDOM).logits(TOKENS);
    float[][] actual = run(shape, false, TOKENS, 0);
    for (int v = 0; v < shape.vocab(); v++) {
      assertEquals(expected[TOKENS.length - 1][v], actual[TOKENS.length - 1][v], 1e-4, "token " + v);
    }
  }

  @ParameterizedTest(name = "float16={0}")
  @ValueSource(booleans = {false, true})
  void aPassOnTheCacheEqualsThePassOverTheWholeSequence(boolean half) throws Exception {
    LlamaShape shape = SMALL.withFloat16(half);
    float[][] whole = run(shape, false, TOKENS, 0);
    float[][] cached = run(shape, true, TOKENS, 4);
    for (int i = 4; i < TOKENS.length; i++) {
      for (int v = 0; v < shape.vocab(); v++) {
        assertEquals(whole[i][v], cached[i - 4][v], half ? Math.max(1e-3, Math.abs(whole[i][v]) / 1024) : 1e-5,
            "position " + i);
      }
    }
  }

  @Test
  void theEngineScoresTinyLlamaAsTheEquationsDo() throws Exception {
    Path dir = BuiltinModels.materialize("tiny-llama", tmp);
    try (OnnxDecoderModel model = new OnnxDecoderModel("builtin:tiny-llama", dir, OnnxDecoderModel.Options.defaults())) {
      LoglikelihoodRequest request = new LoglikelihoodRequest("Question: what is 2+2?\nAnswer:", " 4, of course");
      LoglikelihoodResult result = model.loglikelihood(List.of(request)).get(0);
      int[] context = model.tokenizer().encode(request.context());
      int[] continuation = model.tokenizer().encode(request.continuation());
      int[] all = new int[context.length + continuation.length];
      System.arraycopy(context, 0, all, 0, context.length);
      System.arraycopy(continuation, 0, all, context.length, continuation.length);
      double[][] logits = new LlamaReference(BuiltinModels.TINY_LLAMA, new SeededWeights(20261203L, 0.3)).logits(all);
      assertEquals(continuation.length, result.tokens());
      double sum = 0;
      for (int j = 0; j < continuation.length; j++) {
        double expected = LlamaReference.logprob(logits[context.length + j - 1], continuation[j]);
        assertEquals(expected, result.tokenLogprobs()[j], 1e-4, "continuation token " + j);
        sum += expected;
      }
      assertEquals(sum, result.logprob(), 1e-4);
      assertTrue(sum < 0);
    }
  }

  @ParameterizedTest(name = "float16={0}")
  @ValueSource(booleans = {false, true})
  void anExportWithExternalDataScoresAsTheEmbeddedOneAndBatchingChangesNothing(boolean half) throws Exception {
    LlamaShape shape = BuiltinModels.TINY_LLAMA.withFloat16(half);
    Path embedded = java.nio.file.Files.createDirectories(tmp.resolve("embedded-" + half));
    Path external = java.nio.file.Files.createDirectories(tmp.resolve("external-" + half));
    BuiltinModels.writeLlama(embedded, shape, RANDOM, false);
    BuiltinModels.writeLlama(external, shape, RANDOM, true);
    assertTrue(java.nio.file.Files.size(external.resolve("model.onnx_data")) > java.nio.file.Files.size(external.resolve("model.onnx")));
    List<LoglikelihoodRequest> requests = List.of(
        new LoglikelihoodRequest("The capital of France is", " Paris"),
        new LoglikelihoodRequest("The capital of France is", " a city on the Seine"),
        new LoglikelihoodRequest("2 + 2 =", " 4"));
    try (OnnxDecoderModel a = new OnnxDecoderModel("a", embedded, OnnxDecoderModel.Options.defaults());
        OnnxDecoderModel b = new OnnxDecoderModel("b", external, OnnxDecoderModel.Options.defaults())) {
      List<LoglikelihoodResult> batched = a.loglikelihood(requests);
      List<LoglikelihoodResult> fromExternal = b.loglikelihood(requests);
      for (int i = 0; i < requests.size(); i++) {
        LoglikelihoodResult alone = a.loglikelihood(List.of(requests.get(i))).get(0);
        assertEquals(batched.get(i).logprob(), fromExternal.get(i).logprob(), 0.0, "request " + i);
        assertEquals(alone.logprob(), batched.get(i).logprob(), half ? 2e-3 : 1e-4, "request " + i + " alone");
      }
      List<io.podium.models.GenerationRequest> prompts = List.of(
          new io.podium.models.GenerationRequest("Once upon a time", List.of(), 8),
          new io.podium.models.GenerationRequest("Hi", List.of(), 8));
      assertEquals(a.generate(prompts.subList(1, 2)).get(0), a.generate(prompts).get(1));
    }
  }

  /**
   * Runs the graph over {@code tokens} from position 0, or, with {@code split > 0}, over the
   * first {@code split} tokens and then over the rest on the returned cache; the logits of the
   * last pass, as floats.
   */
  private static float[][] run(LlamaShape shape, boolean cached, int[] tokens, int split) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(LlamaGraph.build(shape, RANDOM), new OrtSession.SessionOptions())) {
      if (!cached) {
        try (OrtSession.Result r = session.run(inputs(env, shape, tokens, 0, null))) {
          return logits(r, tokens.length, shape.vocab());
        }
      }
      int[] first = java.util.Arrays.copyOf(tokens, split);
      int[] rest = java.util.Arrays.copyOfRange(tokens, split, tokens.length);
      try (OrtSession.Result prefix = session.run(inputs(env, shape, first, 0, null));
          OrtSession.Result r = session.run(inputs(env, shape, rest, split, prefix))) {
        return logits(r, rest.length, shape.vocab());
      }
    }
  }

  private static Map<String, OnnxTensor> inputs(OrtEnvironment env, LlamaShape shape, int[] tokens, int offset,
      OrtSession.Result past) throws Exception {
    int t = tokens.length;
    long[] ids = new long[t];
    long[] positions = new long[t];
    for (int i = 0; i < t; i++) {
      ids[i] = tokens[i];
      positions[i] = offset + i;
    }
    long[] mask = new long[offset + t];
    java.util.Arrays.fill(mask, 1);
    Map<String, OnnxTensor> in = new HashMap<>();
    in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, t}));
    in.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, t}));
    in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, offset + t}));
    for (int l = 0; l < shape.layers(); l++) {
      for (String kind : List.of("key", "value")) {
        OnnxTensor value;
        if (past != null) {
          value = (OnnxTensor) past.get("present." + l + "." + kind).orElseThrow();
        } else if (shape.float16()) {
          value = OnnxTensor.createTensor(env, ShortBuffer.allocate(0), new long[] {1, shape.kvHeads(), 0, shape.headDim()},
              ai.onnxruntime.OnnxJavaType.FLOAT16);
        } else {
          value = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, shape.kvHeads(), 0, shape.headDim()});
        }
        in.put("past_key_values." + l + "." + kind, value);
      }
    }
    return in;
  }

  private static float[][] logits(OrtSession.Result r, int t, int vocab) {
    OnnxTensor tensor = (OnnxTensor) r.get("logits").orElseThrow();
    float[] flat = new float[t * vocab];
    if (tensor.getInfo().type == ai.onnxruntime.OnnxJavaType.FLOAT16) {
      ShortBuffer halves = tensor.getShortBuffer();
      for (int i = 0; i < flat.length; i++) {
        flat[i] = Float16.toFloat(halves.get(i));
      }
    } else {
      tensor.getFloatBuffer().get(flat);
    }
    float[][] out = new float[t][];
    for (int i = 0; i < t; i++) {
      out[i] = java.util.Arrays.copyOfRange(flat, i * vocab, (i + 1) * vocab);
    }
    return out;
  }
}
