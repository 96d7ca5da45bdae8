package io.podium.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.podium.models.GpuUnavailableException;
import io.podium.models.builtin.BuiltinModels;
import io.podium.models.onnx.OnnxDecoderModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ONNX Runtime engine on the built-in GPT graph: the properties results must have. */
class OnnxDecoderModelTest {

  @TempDir
  static Path tmp;
  static OnnxDecoderModel model;
  static OnnxDecoderModel unshared;
  static OnnxDecoderModel bigram;

  @BeforeAll
  static void load() throws Exception {
    Path dir = BuiltinModels.materialize("tiny-gpt", tmp);
    model = new OnnxDecoderModel("builtin:tiny-gpt", dir, OnnxDecoderModel.Options.defaults());
    unshared = new OnnxDecoderModel("builtin:tiny-gpt", dir, new OnnxDecoderModel.Options(3, 4096, false, null, 1));
    bigram = new OnnxDecoderModel("builtin:bigram-gpt", BuiltinModels.materialize("bigram-gpt", tmp),
        OnnxDecoderModel.Options.defaults());
  }

  @Test
  void aGpuThatCannotBeUsedIsAnErrorUnlessTheCpuIsAllowed() throws Exception {
    // No CUDA here: the CPU build of ONNX Runtime has no CUDA execution provider, and the gpu
    // build's (onnxruntime_gpu, mvn -Pgpu) cannot load without CUDA's libraries. Either way the
    // session is refused with Podium's message, not a crash of the JVM.
    boolean gpuBuild = ai.onnxruntime.OrtEnvironment.getAvailableProviders().contains(ai.onnxruntime.OrtProvider.CUDA);
    assertEquals("onnxruntime_gpu".equals(System.getProperty("podium.onnxruntime.artifact")), gpuBuild,
        "the ONNX Runtime build on the class path is not the one this Maven profile asks for");
    Path dir = BuiltinModels.materialize("tiny-gpt", tmp);
    GpuUnavailableException refused = org.junit.jupiter.api.Assertions.assertThrows(GpuUnavailableException.class,
        () -> new OnnxDecoderModel("builtin:tiny-gpt", dir, new OnnxDecoderModel.Options(4, 4096, true, 1, 1)));
    assertEquals(1, refused.cudaDevice());
    assertTrue(refused.getMessage().contains("CUDA execution provider") && refused.getMessage().contains("GPU 1"),
        refused.getMessage());
    assertEquals(gpuBuild, refused.fix().startsWith("install CUDA 12"), refused.fix());
    try (OnnxDecoderModel allowed = new OnnxDecoderModel("builtin:tiny-gpt", dir,
        new OnnxDecoderModel.Options(4, 4096, true, 1, 1, true))) {
      assertEquals("cpu", allowed.device());
      assertEquals("CPUExecutionProvider", allowed.executionProvider());
      // and it computes what the CPU model computes
      LoglikelihoodRequest r = new LoglikelihoodRequest("The cat", " sat");
      assertEquals(model.loglikelihood(List.of(r)).get(0).logprob(), allowed.loglikelihood(List.of(r)).get(0).logprob(),
          1e-5);
    }
  }

  @AfterAll
  static void close() {
    model.close();
    unshared.close();
    bigram.close();
  }

  static final List<LoglikelihoodRequest> MIXED = List.of(
      new LoglikelihoodRequest("Q: Is the sky blue?\nA:", " yes"),
      new LoglikelihoodRequest("Q: Is the sky blue?\nA:", " no"),
      new LoglikelihoodRequest("Q: Is the sky blue?\nA:", " it depends on the weather"),
      new LoglikelihoodRequest("Short", " x"),
      new LoglikelihoodRequest("A much longer context that goes on for a while, with commas, numbers 1 2 3, and"
          + " more words so that padding is needed for the shorter ones.", " end."),
      new LoglikelihoodRequest("", "Empty context"),
      new LoglikelihoodRequest("Trailing spaces move to the continuation   ", "ok"));

  @Test
  void aRequestScoresTheSameAloneBatchedAndWithoutPrefixSharing() {
    List<LoglikelihoodResult> batched = model.loglikelihood(MIXED);
    List<LoglikelihoodResult> separate = unshared.loglikelihood(MIXED);
    for (int i = 0; i < MIXED.size(); i++) {
      LoglikelihoodResult alone = model.loglikelihood(List.of(MIXED.get(i))).get(0);
      assertEquals(alone.logprob(), batched.get(i).logprob(), 1e-4, "request " + i + " alone vs batched");
      assertEquals(alone.logprob(), separate.get(i).logprob(), 1e-4, "request " + i + " with vs without sharing");
      assertEquals(alone.tokens(), batched.get(i).tokens());
      assertEquals(alone.isGreedy(), batched.get(i).isGreedy());
    }
  }

  @Test
  void tokenLogprobsSumToTheLoglikelihoodAndAreNegative() {
    for (LoglikelihoodResult r : model.loglikelihood(MIXED)) {
      double sum = 0;
      for (float lp : r.tokenLogprobs()) {
        assertTrue(lp < 0);
        sum += lp;
      }
      assertEquals(sum, r.logprob(), 1e-4);
      assertEquals(r.tokens(), r.tokenLogprobs().length);
    }
  }

  @Test
  void theGraphIsCausal() {
    // Changing a later token of the continuation leaves the earlier tokens' log-probs unchanged.
    LoglikelihoodResult a = model.loglikelihood(List.of(new LoglikelihoodRequest("The cat", " sat on the mat"))).get(0);
    LoglikelihoodResult b = model.loglikelihood(List.of(new LoglikelihoodRequest("The cat", " sat on the hat"))).get(0);
    int same = " sat on the ".length();
    for (int j = 0; j < same; j++) {
      assertEquals(a.tokenLogprobs()[j], b.tokenLogprobs()[j], 1e-5, "token " + j);
    }
    assertTrue(Math.abs(a.tokenLogprobs()[same] - b.tokenLogprobs()[same]) > 1e-3);
  }

  @Test
  void generationIsTheSameAloneAndBatchedAndStopsAtStopSequences() {
    List<GenerationRequest> requests = new ArrayList<>();
    for (String prompt : List.of("Problem:\nWhat is 2+2?\n\nSolution:", "Hi", "Once upon a time, there was a")) {
      requests.add(new GenerationRequest(prompt, List.of(), 12));
    }
    List<GenerationResult> batched = model.generate(requests);
    for (int i = 0; i < requests.size(); i++) {
      GenerationResult alone = model.generate(List.of(requests.get(i))).get(0);
      assertEquals(alone.text(), batched.get(i).text());
      assertEquals(12, alone.tokens());
      assertEquals("max_gen_toks", alone.stop());
    }
    // Stop at a sequence the unconstrained generation contains: the text is cut before it.
    String full = batched.get(0).text();
    String stopAt = full.substring(3, 5);
    GenerationResult stopped = model.generate(List.of(new GenerationRequest(requests.get(0).context(),
        List.of(stopAt), 12))).get(0);
    assertEquals(full.substring(0, full.indexOf(stopAt)), stopped.text());
    assertEquals(stopAt, stopped.stop());
    assertTrue(stopped.tokens() < 12);
  }

  @Test
  void aShortRowFinishingFirstNeverRunsPastTheWindow() {
    // A long prompt with few tokens to generate, batched with a short prompt that generates many:
    // the finished row must not keep advancing its position past 2,048.
    GenerationRequest longOne = new GenerationRequest("word ".repeat(400), List.of(), 100);
    GenerationRequest shortOne = new GenerationRequest("Hi", List.of(), 1900);
    List<GenerationResult> both = model.generate(List.of(longOne, shortOne));
    assertEquals(100, both.get(0).tokens());
    assertEquals(model.generate(List.of(longOne)).get(0).text(), both.get(0).text());
  }

  @Test
  void greedyContinuationsAreRecognised() {
    String context = "Once upon a time";
    GenerationResult g = bigram.generate(List.of(new GenerationRequest(context, List.of(), 5))).get(0);
    LoglikelihoodResult r = bigram.loglikelihood(List.of(new LoglikelihoodRequest(context, g.text()))).get(0);
    assertTrue(r.isGreedy(), "the model's own greedy output " + g.text() + " is greedy");
    assertEquals(5, r.tokens());
    LoglikelihoodResult other = bigram.loglikelihood(List.of(new LoglikelihoodRequest(context, "qqqqq"))).get(0);
    assertTrue(!other.isGreedy());
  }

  @Test
  void theBigramModelPrefersEnglish() {
    List<LoglikelihoodResult> r = bigram.loglikelihood(List.of(
        new LoglikelihoodRequest("The answer is", " the other one"),
        new LoglikelihoodRequest("The answer is", " xq zjvk wpfy")));
    assertTrue(r.get(0).logprob() > r.get(1).logprob() + 10, r.get(0).logprob() + " vs " + r.get(1).logprob());
    // Near chance, the random model cannot tell them apart by much per token.
    double perTokenChance = -Math.log(257);
    assertTrue(r.get(0).logprob() / r.get(0).tokens() > perTokenChance + 1);
  }

  @Test
  void prefixSharingForwardsFewerTokens() {
    long before = model.tokensForwarded();
    model.loglikelihood(MIXED.subList(0, 3));
    long shared = model.tokensForwarded() - before;
    before = unshared.tokensForwarded();
    unshared.loglikelihood(MIXED.subList(0, 3));
    long separate = unshared.tokensForwarded() - before;
    assertTrue(shared < separate, shared + " vs " + separate);
  }

  @Test
  void inSessionScoresAreTheLogitsScoredInJava() throws Exception {
    // The engine's log-probabilities and greedy flags come from the scoring head inside the
    // session; here the export's own graph, untouched, gives the logits of context +
    // continuation in one pass, and Java scores them as the engine did before (log-softmax in
    // double, argmax first on ties).
    Path dir = BuiltinModels.materialize("bigram-gpt", tmp);
    byte[] before = java.nio.file.Files.readAllBytes(dir.resolve("model.onnx"));
    ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
    try (ai.onnxruntime.OrtSession plain = env.createSession(dir.resolve("model.onnx").toString())) {
      for (LoglikelihoodRequest r : MIXED) {
        LoglikelihoodResult result = bigram.loglikelihood(List.of(r)).get(0);
        ContinuationSplitter.Split split = ContinuationSplitter.split(bigram.tokenizer(), r.context(), r.continuation());
        int[] sequence = concat(split.context(), split.continuation());
        float[][] logits = PlainDecoder.logits(env, plain, sequence);
        int n = result.tokens();
        boolean greedy = true;
        for (int j = 0; j < n; j++) {
          int position = sequence.length - n - 1 + j;
          int token = sequence[position + 1];
          double max = Double.NEGATIVE_INFINITY;
          int argmax = 0;
          for (int v = 0; v < logits[position].length; v++) {
            if (logits[position][v] > max) {
              max = logits[position][v];
              argmax = v;
            }
          }
          double sum = 0;
          for (float l : logits[position]) {
            sum += Math.exp(l - max);
          }
          assertEquals(logits[position][token] - max - Math.log(sum), result.tokenLogprobs()[j], 1e-5,
              "request " + r + ", token " + j);
          greedy &= argmax == token;
        }
        assertEquals(greedy, result.isGreedy(), "greedy flag of " + r);
      }
    }
    assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(dir.resolve("model.onnx"))),
        "the export on disk is left as it was");
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void aByteBudgetOfOneRowGivesTheSameResults() throws Exception {
    // max_batch_bytes so small that every pass takes one row: the results do not change.
    try (OnnxDecoderModel oneRow = new OnnxDecoderModel("builtin:tiny-gpt", BuiltinModels.materialize("tiny-gpt", tmp),
        new OnnxDecoderModel.Options(32, 4096, true, null, 1, false, 1))) {
      List<LoglikelihoodResult> small = oneRow.loglikelihood(MIXED);
      List<LoglikelihoodResult> large = model.loglikelihood(MIXED);
      for (int i = 0; i < MIXED.size(); i++) {
        assertEquals(large.get(i).logprob(), small.get(i).logprob(), 1e-4, "request " + i);
      }
      List<GenerationRequest> prompts = List.of(new GenerationRequest("Hi", List.of(), 6),
          new GenerationRequest("Once upon a time", List.of(), 6));
      assertEquals(model.generate(prompts), oneRow.generate(prompts));
    }
  }

  @Test
  void contextsLongerThanTheWindowAreTruncatedOnTheLeft() {
    String longContext = "word ".repeat(1000); // 5000 bytes > 2048 positions
    LoglikelihoodResult r = model.loglikelihood(List.of(new LoglikelihoodRequest(longContext, "end"))).get(0);
    // The context's trailing space joins the continuation (" end", 4 byte tokens); 4 + 2045 - 1 = 2048.
    assertEquals(4, r.tokens());
    assertEquals(2045, r.contextTokens());
  }
}
