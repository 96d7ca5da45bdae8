package io.podium.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.podium.models.ContinuationSplitter.Split;
import io.podium.models.ContinuationSplitter;
import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.GpuUnavailableException;
import io.podium.models.LanguageModel;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.ModelSpec;
import io.podium.models.StopSequences;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A decoder-only model in the Hugging Face Optimum export layout ({@code model.onnx} with
 * {@code past_key_values}, {@code tokenizer.json}, {@code config.json}) on ONNX Runtime.
 *
 * <ul>
 *   <li>Log-likelihood requests are grouped by context: the context runs once, and every
 *       continuation of it runs on the cached keys and values (prefix sharing), unless disabled.
 *   <li>Batches are formed from requests sorted by length, right-padded, with the attention
 *       mask and position ids keeping padding out of every result, so a request's result does
 *       not depend on what it is batched with.
 *   <li>Generation is greedy with the KV cache: each step feeds one token per sequence.
 * </ul>
 */
public final class OnnxDecoderModel implements LanguageModel {

  private static final Logger LOG = Logger.getLogger(OnnxDecoderModel.class.getName());

  /**
   * Rows x padded length per forward pass. Attention scores take rows x heads x length^2 floats,
   * so this bounds memory: 4,096 allows two rows of 2,048 tokens.
   */
  public static final int DEFAULT_MAX_BATCH_TOKENS = 4096;

  /**
   * Engine settings.
   *
   * @param cudaDevice the GPU to run on, or null for the CPU
   * @param intraOpThreads ONNX Runtime threads per forward pass; 0 lets it use every core (right
   *     for one caller per process; inside Spark tasks, use the task's cores)
   * @param allowCpu whether to run on the CPU when {@code cudaDevice} is given but the CUDA
   *     execution provider cannot be loaded; otherwise that is an error
   */
  public record Options(int batchSize, int maxBatchTokens, boolean prefixSharing, Integer cudaDevice,
      int intraOpThreads, boolean allowCpu) {
    public Options(int batchSize, int maxBatchTokens, boolean prefixSharing, Integer cudaDevice, int intraOpThreads) {
      this(batchSize, maxBatchTokens, prefixSharing, cudaDevice, intraOpThreads, false);
    }

    public static Options defaults() {
      return new Options(ModelSpec.DEFAULT_BATCH_SIZE, DEFAULT_MAX_BATCH_TOKENS, true, null, 0);
    }
  }

  private final String name;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final HfTokenizer tokenizer;
  private final Options options;
  private final String device;
  private final int layers;
  private final int heads;
  private final int headDim;
  private final int vocab;
  private final int maxLength;
  private final AtomicLong tokensForwarded = new AtomicLong();

  public OnnxDecoderModel(String name, Path folder, Options options) throws IOException {
    this.name = name;
    this.options = options;
    DecoderConfig config = DecoderConfig.read(folder.resolve("config.json"));
    this.maxLength = config.maxLength();
    this.tokenizer = new HfTokenizer(folder.resolve("tokenizer.json"), config.eosTokenId(), config.addBosToken());
    try {
      this.env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions so = new OrtSession.SessionOptions();
      so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // Without the arena, memory of a long batch is returned after the pass instead of kept.
      so.setCPUArenaAllocator(false);
      if (options.intraOpThreads() > 0) {
        so.setIntraOpNumThreads(options.intraOpThreads());
      }
      String dev = "cpu";
      if (options.cudaDevice() != null) {
        try {
          so.addCUDA(options.cudaDevice());
          dev = "cuda:" + options.cudaDevice();
        } catch (OrtException | UnsatisfiedLinkError e) {
          if (!options.allowCpu()) {
            throw new GpuUnavailableException(options.cudaDevice(), cudaBuild(), e.getMessage(), e);
          }
          LOG.warning(name + ": CUDA execution provider unavailable (" + e.getMessage() + "); running on CPU, as allowed. "
              + "To use the GPU: " + GpuUnavailableException.fix(cudaBuild()) + ".");
        }
      }
      this.device = dev;
      this.session = env.createSession(folder.resolve("model.onnx").toString(), so);
      Map<String, NodeInfo> inputs = session.getInputInfo();
      int n = 0;
      long[] kvShape = null;
      for (String input : inputs.keySet()) {
        if (input.startsWith("past_key_values.") && input.endsWith(".key")) {
          n++;
          kvShape = ((TensorInfo) inputs.get(input).getInfo()).getShape();
        }
      }
      for (String required : List.of("input_ids", "attention_mask", "position_ids")) {
        if (!inputs.containsKey(required)) {
          throw new IOException(folder + "/model.onnx has no input '" + required + "' (inputs: " + inputs.keySet()
              + "); export a decoder with past (Optimum --task text-generation-with-past)");
        }
      }
      if (n == 0) {
        throw new IOException(folder + "/model.onnx has no past_key_values inputs; export it with past"
            + " (Optimum --task text-generation-with-past)");
      }
      this.layers = n;
      this.heads = (int) kvShape[1];
      this.headDim = (int) kvShape[3];
      this.vocab = (int) ((TensorInfo) session.getOutputInfo().get("logits").getInfo()).getShape()[2];
      if (heads <= 0 || headDim <= 0) {
        throw new IOException(folder + "/model.onnx: past_key_values need static head and head-size dimensions");
      }
    } catch (OrtException e) {
      throw new IOException("cannot load ONNX model " + name + " from " + folder + ": " + e.getMessage(), e);
    }
    LOG.info(name + ": ONNX Runtime on " + device + " (" + layers + " layers, " + heads + " heads, window "
        + maxLength + ")");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public String executionProvider() {
    return device.startsWith("cuda") ? "CUDAExecutionProvider" : "CPUExecutionProvider";
  }

  public int maxLength() {
    return maxLength;
  }

  public HfTokenizer tokenizer() {
    return tokenizer;
  }

  /** Tokens fed through the network so far (prompt and continuation tokens; cached ones are not counted). */
  public long tokensForwarded() {
    return tokensForwarded.get();
  }

  // ------------------------------------------------------------------ log-likelihood

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
    Split[] splits = new Split[requests.size()];
    for (int i = 0; i < splits.length; i++) {
      LoglikelihoodRequest r = requests.get(i);
      splits[i] = ContinuationSplitter.truncate(
          ContinuationSplitter.split(tokenizer, r.context(), r.continuation()), maxLength);
      if (splits[i].continuation().length == 0) {
        throw new IllegalArgumentException(name + ": continuation " + abbreviate(r.continuation())
            + " has no tokens after context " + abbreviate(r.context()));
      }
    }
    // Groups of requests that share a context (all alone without prefix sharing).
    Map<String, List<Integer>> byContext = new LinkedHashMap<>();
    for (int i = 0; i < splits.length; i++) {
      String key = options.prefixSharing() ? Arrays.toString(splits[i].context()) : Integer.toString(i);
      byContext.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> groups = new ArrayList<>(byContext.values());
    groups.sort(Comparator.comparingInt((List<Integer> g) -> -splits[g.get(0)].context().length));

    LoglikelihoodResult[] results = new LoglikelihoodResult[splits.length];
    int start = 0;
    while (start < groups.size()) {
      int end = start;
      int longest = splits[groups.get(start).get(0)].context().length;
      while (end < groups.size() && end - start < options.batchSize()
          && (long) (end - start + 1) * longest <= Math.max(options.maxBatchTokens(), longest)) {
        end++;
      }
      scoreGroups(groups.subList(start, end), splits, results);
      start = end;
    }
    return Arrays.asList(results);
  }

  private void scoreGroups(List<List<Integer>> groups, Split[] splits, LoglikelihoodResult[] results) {
    int b = groups.size();
    int[][] contexts = new int[b][];
    for (int g = 0; g < b; g++) {
      contexts[g] = splits[groups.get(g).get(0)].context();
    }
    try (Forward prefix = forward(contexts, null, null)) {
      int padded = prefix.length;
      // Per request: log-probs of each continuation token; the first comes from the prefix pass.
      float[][] tokenLogprobs = new float[splits.length][];
      boolean[] greedy = new boolean[splits.length];
      List<int[]> rest = new ArrayList<>(); // {request, group row}
      for (int g = 0; g < b; g++) {
        int last = contexts[g].length - 1;
        for (int i : groups.get(g)) {
          int[] cont = splits[i].continuation();
          tokenLogprobs[i] = new float[cont.length];
          greedy[i] = true;
          score(prefix.logits, g, last, padded, cont[0], tokenLogprobs[i], 0, greedy, i);
          if (cont.length > 1) {
            rest.add(new int[] {i, g});
          }
        }
      }
      rest.sort(Comparator.comparingInt((int[] e) -> -splits[e[0]].continuation().length));
      for (int s = 0; s < rest.size(); s += options.batchSize()) {
        List<int[]> batch = rest.subList(s, Math.min(rest.size(), s + options.batchSize()));
        int[][] inputs = new int[batch.size()][];
        int[] rows = new int[batch.size()];
        int[] contextLengths = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
          int[] cont = splits[batch.get(k)[0]].continuation();
          inputs[k] = Arrays.copyOf(cont, cont.length - 1);
          rows[k] = batch.get(k)[1];
          contextLengths[k] = contexts[rows[k]].length;
        }
        try (Forward next = forward(inputs, prefix.gather(rows), contextLengths)) {
          for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k)[0];
            int[] cont = splits[i].continuation();
            for (int j = 1; j < cont.length; j++) {
              score(next.logits, k, j - 1, next.length, cont[j], tokenLogprobs[i], j, greedy, i);
            }
          }
        }
      }
      for (List<Integer> group : groups) {
        for (int i : group) {
          double sum = 0;
          for (float lp : tokenLogprobs[i]) {
            sum += lp;
          }
          results[i] = new LoglikelihoodResult(sum, greedy[i], tokenLogprobs[i].length, tokenLogprobs[i],
              splits[i].context().length);
        }
      }
    } catch (OrtException e) {
      throw new IllegalStateException(name + ": inference failed: " + e.getMessage(), e);
    }
  }

  /** Log-softmax at (row, position) for {@code token}; clears greedy[i] if it is not the argmax. */
  private void score(float[] logits, int row, int position, int length, int token, float[] out, int j,
      boolean[] greedy, int i) {
    int base = (row * length + position) * vocab;
    float max = Float.NEGATIVE_INFINITY;
    int argmax = 0;
    for (int v = 0; v < vocab; v++) {
      if (logits[base + v] > max) {
        max = logits[base + v];
        argmax = v;
      }
    }
    double sum = 0;
    for (int v = 0; v < vocab; v++) {
      sum += Math.exp(logits[base + v] - max);
    }
    out[j] = (float) (logits[base + token] - max - Math.log(sum));
    if (argmax != token) {
      greedy[i] = false;
    }
  }

  // ------------------------------------------------------------------ generation

  @Override
  public List<GenerationResult> generate(List<GenerationRequest> requests) {
    Integer[] order = new Integer[requests.size()];
    int[][] contexts = new int[requests.size()][];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      GenerationRequest r = requests.get(i);
      int[] ids = r.context().isEmpty() ? new int[] {tokenizer.eosTokenId()} : tokenizer.encode(r.context());
      int room = Math.max(1, maxLength - r.maxGenToks());
      contexts[i] = ids.length > room ? Arrays.copyOfRange(ids, ids.length - room, ids.length) : ids;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> -contexts[i].length));
    GenerationResult[] results = new GenerationResult[order.length];
    int s = 0;
    while (s < order.length) {
      // Sorted longest first: the first prompt sets the prefill's padded length (the prefill's
      // attention is the large one; each later step attends from one token).
      int longest = contexts[order[s]].length;
      int e = s + 1;
      while (e < order.length && e - s < options.batchSize()
          && (long) (e - s + 1) * longest <= options.maxBatchTokens()) {
        e++;
      }
      List<Integer> batch = Arrays.asList(order).subList(s, e);
      try {
        generateBatch(batch, requests, contexts, results);
      } catch (OrtException ex) {
        throw new IllegalStateException(name + ": generation failed: " + ex.getMessage(), ex);
      }
      s = e;
    }
    return Arrays.asList(results);
  }

  private void generateBatch(List<Integer> batch, List<GenerationRequest> requests, int[][] contexts,
      GenerationResult[] results) throws OrtException {
    int b = batch.size();
    int[][] prompts = new int[b][];
    int maxNew = 0;
    for (int k = 0; k < b; k++) {
      prompts[k] = contexts[batch.get(k)];
      maxNew = Math.max(maxNew, requests.get(batch.get(k)).maxGenToks());
    }
    List<List<Integer>> generated = new ArrayList<>();
    boolean[] done = new boolean[b];
    String[] stop = new String[b];
    for (int k = 0; k < b; k++) {
      generated.add(new ArrayList<>());
    }
    Forward current = forward(prompts, null, null);
    int[] lengths = new int[b];
    int[] lastPosition = new int[b];
    for (int k = 0; k < b; k++) {
      lengths[k] = current.length; // keys so far (padded prefix)
      lastPosition[k] = prompts[k].length - 1;
    }
    long[][] mask = new long[b][];
    for (int k = 0; k < b; k++) {
      mask[k] = new long[current.length];
      Arrays.fill(mask[k], 0, prompts[k].length, 1);
    }
    int[] positionOf = new int[b];
    for (int k = 0; k < b; k++) {
      positionOf[k] = prompts[k].length;
    }
    try {
      for (int step = 0; step < maxNew; step++) {
        int[] next = new int[b];
        boolean anyActive = false;
        for (int k = 0; k < b; k++) {
          int pos = step == 0 ? lastPosition[k] : 0;
          next[k] = argmax(current.logits, k, pos, current.length);
          if (done[k]) {
            continue;
          }
          GenerationRequest r = requests.get(batch.get(k));
          if (next[k] == tokenizer.eosTokenId()) {
            done[k] = true;
            stop[k] = "<eos>";
            continue;
          }
          generated.get(k).add(next[k]);
          String text = tokenizer.decode(generated.get(k).stream().mapToInt(Integer::intValue).toArray());
          if (StopSequences.reached(text, r.until())) {
            done[k] = true;
            stop[k] = StopSequences.cut(text, r.until()).stop();
          }
          if (!done[k] && generated.get(k).size() >= r.maxGenToks()) {
            done[k] = true;
            stop[k] = "max_gen_toks";
          }
          anyActive |= !done[k];
        }
        if (!anyActive) {
          break;
        }
        // One more token per sequence, on the cache. A finished row still takes a slot (the
        // batch moves together) but is masked out and keeps its last position, so that it can
        // never run past the window while a longer row goes on.
        for (int k = 0; k < b; k++) {
          mask[k] = Arrays.copyOf(mask[k], mask[k].length + 1);
          mask[k][mask[k].length - 1] = done[k] ? 0 : 1;
        }
        int[] feedPositions = new int[b];
        for (int k = 0; k < b; k++) {
          feedPositions[k] = done[k] ? positionOf[k] - 1 : positionOf[k];
        }
        Forward following = current.step(next, feedPositions, mask);
        current.close();
        current = following;
        for (int k = 0; k < b; k++) {
          if (!done[k]) {
            positionOf[k]++;
          }
        }
      }
    } finally {
      current.close();
    }
    for (int k = 0; k < b; k++) {
      int[] ids = generated.get(k).stream().mapToInt(Integer::intValue).toArray();
      String text = StopSequences.cut(tokenizer.decode(ids), requests.get(batch.get(k)).until()).text();
      results[batch.get(k)] = new GenerationResult(text, ids.length, stop[k] == null ? "max_gen_toks" : stop[k],
          prompts[k].length);
    }
  }

  private int argmax(float[] logits, int row, int position, int length) {
    int base = (row * length + position) * vocab;
    int best = 0;
    for (int v = 1; v < vocab; v++) {
      if (logits[base + v] > logits[base + best]) {
        best = v;
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ forward passes

  /**
   * One forward pass over right-padded token rows. With {@code past} (already laid out as
   * [rows, heads, pastLength, headDim] per layer), row k continues a context of
   * {@code contextLengths[k]} real tokens among pastLength cached positions.
   */
  private Forward forward(int[][] rows, Past past, int[] contextLengths) throws OrtException {
    int b = rows.length;
    int t = 0;
    for (int[] r : rows) {
      t = Math.max(t, r.length);
    }
    int pastLength = past == null ? 0 : past.length;
    long[] ids = new long[b * t];
    long[] positions = new long[b * t];
    long[] mask = new long[b * (pastLength + t)];
    for (int k = 0; k < b; k++) {
      int offset = contextLengths == null ? 0 : contextLengths[k];
      if (past != null) {
        Arrays.fill(mask, k * (pastLength + t), k * (pastLength + t) + offset, 1);
      }
      for (int j = 0; j < rows[k].length; j++) {
        ids[k * t + j] = rows[k][j];
        positions[k * t + j] = offset + j;
        mask[k * (pastLength + t) + pastLength + j] = 1;
      }
    }
    tokensForwarded.addAndGet(Arrays.stream(rows).mapToLong(r -> r.length).sum());
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {b, t}));
      inputs.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {b, t}));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {b, pastLength + t}));
      for (int l = 0; l < layers; l++) {
        long[] shape = {b, heads, pastLength, headDim};
        inputs.put("past_key_values." + l + ".key", OnnxTensor.createTensor(env,
            FloatBuffer.wrap(past == null ? new float[0] : past.keys[l]), shape));
        inputs.put("past_key_values." + l + ".value", OnnxTensor.createTensor(env,
            FloatBuffer.wrap(past == null ? new float[0] : past.values[l]), shape));
      }
      return new Forward(session.run(inputs), b, t);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /** Cached keys and values for a batch: per layer, [rows, heads, length, headDim] row-major. */
  private record Past(float[][] keys, float[][] values, int length) {}

  /** The outputs of one pass; holds ONNX Runtime memory until closed. */
  private final class Forward implements AutoCloseable {
    final OrtSession.Result result;
    final float[] logits;
    final int rows;
    final int length;

    Forward(OrtSession.Result result, int rows, int length) throws OrtException {
      this.result = result;
      this.rows = rows;
      this.length = length;
      FloatBuffer buffer = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
      this.logits = new float[buffer.remaining()];
      buffer.get(logits);
    }

    OnnxTensor present(int layer, String kind) {
      return (OnnxTensor) result.get("present." + layer + "." + kind).orElseThrow();
    }

    /** The cache rows of the given batch rows (a row may be taken several times). */
    Past gather(int[] which) {
      int total = length; // present covers past (0 here) + this pass
      int slab = heads * total * headDim;
      float[][] keys = new float[layers][];
      float[][] values = new float[layers][];
      for (int l = 0; l < layers; l++) {
        FloatBuffer k = present(l, "key").getFloatBuffer();
        FloatBuffer v = present(l, "value").getFloatBuffer();
        keys[l] = new float[which.length * slab];
        values[l] = new float[which.length * slab];
        for (int n = 0; n < which.length; n++) {
          k.position(which[n] * slab);
          k.get(keys[l], n * slab, slab);
          v.position(which[n] * slab);
          v.get(values[l], n * slab, slab);
        }
      }
      return new Past(keys, values, total);
    }

    /** The next generation step: one token per row, on this pass's cache (no copy). */
    Forward step(int[] tokens, int[] positions, long[][] mask) throws OrtException {
      int b = tokens.length;
      long[] ids = new long[b];
      long[] pos = new long[b];
      int total = mask[0].length;
      long[] flatMask = new long[b * total];
      for (int k = 0; k < b; k++) {
        ids[k] = tokens[k];
        pos[k] = positions[k];
        System.arraycopy(mask[k], 0, flatMask, k * total, total);
      }
      tokensForwarded.addAndGet(b);
      Map<String, OnnxTensor> inputs = new HashMap<>();
      List<OnnxTensor> created = new ArrayList<>();
      try {
        OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {b, 1});
        OnnxTensor posTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(pos), new long[] {b, 1});
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(flatMask), new long[] {b, total});
        created.addAll(List.of(idsTensor, posTensor, maskTensor));
        inputs.put("input_ids", idsTensor);
        inputs.put("position_ids", posTensor);
        inputs.put("attention_mask", maskTensor);
        for (int l = 0; l < layers; l++) {
          inputs.put("past_key_values." + l + ".key", present(l, "key"));
          inputs.put("past_key_values." + l + ".value", present(l, "value"));
        }
        return new Forward(session.run(inputs), b, 1);
      } finally {
        created.forEach(OnnxTensor::close);
      }
    }

    @Override
    public void close() {
      result.close();
    }
  }

  private static String abbreviate(String s) {
    String q = s.replace("\n", "\\n");
    return "'" + (q.length() > 60 ? q.substring(0, 57) + "..." : q) + "'";
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warning(name + ": " + e.getMessage());
    }
    tokenizer.close();
  }

  /** Whether the ONNX Runtime on the class path is its CUDA build (onnxruntime_gpu). */
  static boolean cudaBuild() {
    return OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA);
  }
}
