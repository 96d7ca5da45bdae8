package io.podium.models.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
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
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *   <li>Only what is needed leaves ONNX Runtime: the graph is loaded with a {@link ScoringHead}
 *       (per position, the target token's log-probability and the argmax), so a pass returns
 *       rows x length numbers, not rows x length x vocabulary logits; key/value caches stay
 *       ONNX Runtime values between passes (rows of them are taken by {@link CacheRows}).
 *   <li>A pass's rows are bounded by a {@link PassBudget}: rows, tokens, and the bytes ONNX
 *       Runtime holds for it, from the model's shape.
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
   * Bytes ONNX Runtime may hold for one pass (caches, one layer's activations and attention
   * scores, logits; see {@link DecoderShape#passBytes}): 2 GiB, within any executor's overhead
   * memory. A GPU with room for more takes a larger {@code max_batch_bytes}.
   */
  public static final long DEFAULT_MAX_BATCH_BYTES = 2L << 30;

  /**
   * Engine settings.
   *
   * @param cudaDevice the GPU to run on, or null for the CPU
   * @param intraOpThreads ONNX Runtime threads per forward pass; 0 lets it use every core (right
   *     for one caller per process; inside Spark tasks, use the task's cores)
   * @param allowCpu whether to run on the CPU when {@code cudaDevice} is given but the CUDA
   *     execution provider cannot be loaded; otherwise that is an error
   * @param maxBatchBytes what ONNX Runtime may hold for one pass, by the model's shape
   */
  public record Options(int batchSize, int maxBatchTokens, boolean prefixSharing, Integer cudaDevice,
      int intraOpThreads, boolean allowCpu, long maxBatchBytes) {
    public Options(int batchSize, int maxBatchTokens, boolean prefixSharing, Integer cudaDevice, int intraOpThreads,
        boolean allowCpu) {
      this(batchSize, maxBatchTokens, prefixSharing, cudaDevice, intraOpThreads, allowCpu, DEFAULT_MAX_BATCH_BYTES);
    }

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
  private final CacheRows cacheRows;
  private final HfTokenizer tokenizer;
  private final Options options;
  private final String device;
  private final int layers;
  private final int kvHeads;
  private final int headDim;
  private final boolean halfCache;
  private final int maxLength;
  private final PassBudget budget;
  private final AtomicLong tokensForwarded = new AtomicLong();
  private final AtomicLong stepTokens = new AtomicLong();
  private final AtomicLong stepNanos = new AtomicLong();

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
      // The export's graph with the scoring head, from memory; external data from the folder.
      so.addConfigEntry("session.model_external_initializers_file_folder_path", folder.toString());
      this.session = env.createSession(ScoringHead.attach(folder.resolve("model.onnx")), so);
      Map<String, NodeInfo> inputs = session.getInputInfo();
      int n = 0;
      TensorInfo kv = null;
      for (String input : inputs.keySet()) {
        if (input.startsWith("past_key_values.") && input.endsWith(".key")) {
          n++;
          kv = (TensorInfo) inputs.get(input).getInfo();
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
      long[] kvShape = kv.getShape();
      this.layers = n;
      this.kvHeads = (int) kvShape[1];
      this.headDim = (int) kvShape[3];
      if (kvHeads <= 0 || headDim <= 0) {
        throw new IOException(folder + "/model.onnx: past_key_values need static head and head-size dimensions");
      }
      this.halfCache = kv.type == OnnxJavaType.FLOAT16;
      if (!halfCache && kv.type != OnnxJavaType.FLOAT) {
        throw new IOException(folder + "/model.onnx: past_key_values are " + kv.type
            + "; Podium reads float32 and float16 exports");
      }
      this.cacheRows = new CacheRows(env, layers, halfCache ? OnnxGraphBuilder.FLOAT16 : OnnxGraphBuilder.FLOAT,
          kvHeads, headDim, so);
      DecoderShape shape = config.shape() == null ? null
          : config.shape().withCache(layers, kvHeads, headDim, halfCache ? 2 : 4);
      this.budget = new PassBudget(options.batchSize(), options.maxBatchTokens(), options.maxBatchBytes(), shape);
    } catch (OrtException e) {
      throw new IOException("cannot load ONNX model " + name + " from " + folder + ": " + e.getMessage(), e);
    }
    LOG.info(name + ": ONNX Runtime on " + device + " (" + layers + " layers, " + kvHeads + " key/value heads, window "
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

  /** Of those, the tokens fed one per row by generation steps on the cache (decoding), and their time. */
  public long stepTokens() {
    return stepTokens.get();
  }

  public long stepNanos() {
    return stepNanos.get();
  }

  // ------------------------------------------------------------------ log-likelihood

  /**
   * Scores each request's continuation. Requests sharing a context form a group: the context
   * but its last token runs once (the prefix pass), then every continuation of it runs on that
   * cache, fed its context's last token and all its own tokens but the last, each position
   * scored for the next token: the harness's {@code (context + continuation)[:-1]}.
   */
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
      int longest = splits[groups.get(start).get(0)].context().length - 1;
      int end = start + budget.rows(Math.max(1, longest), 0, groups.size() - start);
      if (longest > 0) { // contexts of one token have no prefix pass: keep them apart
        for (int g = start + 1; g < end; g++) {
          if (splits[groups.get(g).get(0)].context().length == 1) {
            end = g;
            break;
          }
        }
      }
      scoreGroups(groups.subList(start, end), splits, results);
      start = end;
    }
    return Arrays.asList(results);
  }

  private void scoreGroups(List<List<Integer>> groups, Split[] splits, LoglikelihoodResult[] results) {
    int b = groups.size();
    int[][] prefixes = new int[b][];
    for (int g = 0; g < b; g++) {
      int[] context = splits[groups.get(g).get(0)].context();
      prefixes[g] = Arrays.copyOf(context, context.length - 1);
    }
    boolean hasPrefix = prefixes[0].length > 0;
    List<int[]> rows = new ArrayList<>(); // {request, group row}
    for (int g = 0; g < b; g++) {
      for (int i : groups.get(g)) {
        rows.add(new int[] {i, g});
      }
    }
    rows.sort(Comparator.comparingInt((int[] e) -> -splits[e[0]].continuation().length));
    try (Pass prefix = hasPrefix ? prefill(prefixes) : null) {
      int s = 0;
      while (s < rows.size()) {
        int longest = splits[rows.get(s)[0]].continuation().length;
        int n = budget.rows(longest, prefix == null ? 0 : prefix.length, rows.size() - s);
        List<int[]> batch = rows.subList(s, s + n);
        int[][] inputs = new int[n][];
        int[][] targets = new int[n][];
        int[] which = new int[n];
        int[] pastLengths = new int[n];
        for (int k = 0; k < n; k++) {
          Split split = splits[batch.get(k)[0]];
          int[] context = split.context();
          int[] cont = split.continuation();
          inputs[k] = new int[cont.length];
          inputs[k][0] = context[context.length - 1];
          System.arraycopy(cont, 0, inputs[k], 1, cont.length - 1);
          targets[k] = cont;
          which[k] = batch.get(k)[1];
          pastLengths[k] = context.length - 1;
        }
        try (Cache past = prefix == null ? null : prefix.take(which);
            Pass pass = forward(inputs, targets, past, pastLengths, false)) {
          for (int k = 0; k < n; k++) {
            int i = batch.get(k)[0];
            int[] cont = targets[k];
            float[] tokenLogprobs = new float[cont.length];
            boolean greedy = true;
            double sum = 0;
            for (int j = 0; j < cont.length; j++) {
              tokenLogprobs[j] = pass.logprob(k, j);
              greedy &= pass.argmax(k, j) == cont[j];
              sum += tokenLogprobs[j];
            }
            results[i] = new LoglikelihoodResult(sum, greedy, cont.length, tokenLogprobs,
                splits[i].context().length);
          }
        }
        s += n;
      }
    } catch (OrtException e) {
      throw new IllegalStateException(name + ": inference failed: " + e.getMessage(), e);
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
      int maxNew = 0;
      for (int k = s; k < order.length; k++) {
        maxNew = Math.max(maxNew, requests.get(order[k]).maxGenToks());
      }
      int e = s + budget.generationRows(longest, Math.min(maxNew, maxLength), order.length - s);
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
    int[] lookback = new int[b];
    for (int k = 0; k < b; k++) {
      generated.add(new ArrayList<>());
      lookback[k] = StopSequences.lookbackTokens(requests.get(batch.get(k)).until());
    }
    Pass current = prefill(prompts);
    int[] lastPosition = new int[b];
    long[][] mask = new long[b][];
    int[] positionOf = new int[b];
    for (int k = 0; k < b; k++) {
      lastPosition[k] = prompts[k].length - 1 - current.offset;
      mask[k] = new long[current.cacheLength];
      Arrays.fill(mask[k], 0, prompts[k].length, 1);
      positionOf[k] = prompts[k].length;
    }
    try {
      for (int step = 0; step < maxNew; step++) {
        int[] next = new int[b];
        boolean anyActive = false;
        for (int k = 0; k < b; k++) {
          next[k] = (int) current.argmax(k, step == 0 ? lastPosition[k] : 0);
          if (done[k]) {
            continue;
          }
          GenerationRequest r = requests.get(batch.get(k));
          if (next[k] == tokenizer.eosTokenId()) {
            done[k] = true;
            stop[k] = "<eos>";
            continue;
          }
          List<Integer> tokens = generated.get(k);
          tokens.add(next[k]);
          // Only the tail can hold a stop sequence that this token completed.
          int from = Math.max(0, tokens.size() - lookback[k]);
          String tail = tokenizer.decode(tokens.subList(from, tokens.size()).stream().mapToInt(Integer::intValue).toArray());
          if (StopSequences.reached(tail, r.until())) {
            done[k] = true;
            stop[k] = StopSequences.cut(tokenizer.decode(ids(tokens)), r.until()).stop();
          }
          // max_gen_toks, or the window's end (only reachable when max_gen_toks exceeds the window)
          if (!done[k] && (tokens.size() >= r.maxGenToks() || positionOf[k] + 1 >= maxLength)) {
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
        int[] feedPositions = new int[b];
        for (int k = 0; k < b; k++) {
          mask[k] = Arrays.copyOf(mask[k], mask[k].length + 1);
          mask[k][mask[k].length - 1] = done[k] ? 0 : 1;
          feedPositions[k] = done[k] ? positionOf[k] - 1 : positionOf[k];
        }
        Pass following = step(next, feedPositions, mask, current);
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
      int[] ids = ids(generated.get(k));
      String text = StopSequences.cut(tokenizer.decode(ids), requests.get(batch.get(k)).until()).text();
      results[batch.get(k)] = new GenerationResult(text, ids.length, stop[k] == null ? "max_gen_toks" : stop[k],
          prompts[k].length);
    }
  }

  private static int[] ids(List<Integer> tokens) {
    return tokens.stream().mapToInt(Integer::intValue).toArray();
  }

  // ------------------------------------------------------------------ forward passes

  /**
   * The pass that fills the caches for {@code rows} from position 0. A single row whose pass
   * would exceed the byte budget (a long context with a large vocabulary: 5,700 tokens of
   * Qwen2.5 logits alone are 3.5 GB) runs in chunks, each on the cache of the ones before
   * (chunked prefill: the same keys and values, bounded memory). The returned pass scores the
   * last chunk only ({@link Pass#offset}); several rows always fit in one pass, since the
   * budget gives more than one row only when they fit.
   */
  private Pass prefill(int[][] rows) throws OrtException {
    int t = 0;
    for (int[] r : rows) {
      t = Math.max(t, r.length);
    }
    int chunk = rows.length == 1 ? budget.chunk(t) : t;
    if (chunk >= t) {
      return forward(rows, null, null, null, true);
    }
    int[] row = rows[0];
    Pass pass = null;
    try {
      for (int from = 0; from < t; from += chunk) {
        int[][] piece = {Arrays.copyOfRange(row, from, Math.min(t, from + chunk))};
        Pass next = forward(piece, null, pass == null ? null : pass.cache(), new int[] {from}, true, from);
        if (pass != null) {
          pass.close();
        }
        pass = next;
      }
      return pass;
    } catch (OrtException | RuntimeException e) {
      if (pass != null) {
        pass.close();
      }
      throw e;
    }
  }

  /**
   * One forward pass over right-padded token rows, each position scored for the token of
   * {@code targets} at it (null: none needed). With {@code past}, row k continues
   * {@code pastLengths[k]} real tokens among the cache's positions.
   */
  private Pass forward(int[][] rows, int[][] targets, Cache past, int[] pastLengths, boolean keepCache)
      throws OrtException {
    return forward(rows, targets, past, pastLengths, keepCache, 0);
  }

  private Pass forward(int[][] rows, int[][] targets, Cache past, int[] pastLengths, boolean keepCache, int offset)
      throws OrtException {
    int b = rows.length;
    int t = 0;
    for (int[] r : rows) {
      t = Math.max(t, r.length);
    }
    int pastLength = past == null ? 0 : past.length;
    long[] ids = new long[b * t];
    long[] targetIds = new long[b * t];
    long[] positions = new long[b * t];
    long[] mask = new long[b * (pastLength + t)];
    for (int k = 0; k < b; k++) {
      int cached = pastLengths == null ? 0 : pastLengths[k];
      Arrays.fill(mask, k * (pastLength + t), k * (pastLength + t) + cached, 1);
      for (int j = 0; j < rows[k].length; j++) {
        ids[k * t + j] = rows[k][j];
        targetIds[k * t + j] = targets == null ? 0 : targets[k][j];
        positions[k * t + j] = cached + j;
        mask[k * (pastLength + t) + pastLength + j] = 1;
      }
    }
    tokensForwarded.addAndGet(Arrays.stream(rows).mapToLong(r -> r.length).sum());
    return run(b, t, ids, targetIds, positions, mask, past, keepCache, offset);
  }

  /** The next generation step: one token per row, on {@code previous}'s cache (no copy). */
  private Pass step(int[] tokens, int[] positions, long[][] mask, Pass previous) throws OrtException {
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
    long start = System.nanoTime();
    Pass pass = run(b, 1, ids, new long[b], pos, flatMask, previous.cache(), true, 0);
    stepNanos.addAndGet(System.nanoTime() - start);
    stepTokens.addAndGet(b);
    return pass;
  }

  private Pass run(int b, int t, long[] ids, long[] targets, long[] positions, long[] mask, Cache past,
      boolean keepCache, int offset) throws OrtException {
    int pastLength = past == null ? 0 : past.length;
    Map<String, OnnxTensor> inputs = new HashMap<>();
    List<OnnxTensor> created = new ArrayList<>();
    try {
      created.add(put(inputs, "input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {b, t})));
      created.add(put(inputs, ScoringHead.TARGETS,
          OnnxTensor.createTensor(env, LongBuffer.wrap(targets), new long[] {b, t})));
      created.add(put(inputs, "position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {b, t})));
      created.add(put(inputs, "attention_mask",
          OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {b, pastLength + t})));
      long[] emptyShape = {b, kvHeads, 0, headDim};
      for (int l = 0; l < layers; l++) {
        for (String kind : KINDS) {
          OnnxTensor value = past != null ? past.tensor(l, kind)
              : halfCache ? OnnxTensor.createTensor(env, ShortBuffer.allocate(0), emptyShape, OnnxJavaType.FLOAT16)
              : OnnxTensor.createTensor(env, FloatBuffer.allocate(0), emptyShape);
          if (past == null) {
            created.add(value);
          }
          inputs.put("past_key_values." + l + "." + kind, value);
        }
      }
      Set<String> wanted = new HashSet<>(List.of(ScoringHead.LOGPROBS, ScoringHead.ARGMAX));
      if (keepCache) {
        for (int l = 0; l < layers; l++) {
          for (String kind : KINDS) {
            wanted.add("present." + l + "." + kind);
          }
        }
      }
      return new Pass(session.run(inputs, wanted), b, t, pastLength + t, offset);
    } finally {
      created.forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor put(Map<String, OnnxTensor> inputs, String name, OnnxTensor tensor) {
    inputs.put(name, tensor);
    return tensor;
  }

  private static final String[] KINDS = {"key", "value"};

  /** Key/value caches held by ONNX Runtime: per layer, [rows, kvHeads, length, headDim]. */
  private record Cache(OrtSession.Result result, String prefix, int length, boolean owned) implements AutoCloseable {
    OnnxTensor tensor(int layer, String kind) {
      return (OnnxTensor) result.get(prefix + layer + "." + kind).orElseThrow();
    }

    @Override
    public void close() {
      if (owned) {
        result.close();
      }
    }
  }

  /** The outputs of one pass: the scored positions in the JVM, the caches in ONNX Runtime until closed. */
  private final class Pass implements AutoCloseable {
    final OrtSession.Result result;
    final float[] logprobs;
    final long[] argmax;
    final int length;
    final int cacheLength;
    /** Position of this pass's first token in its rows (after earlier chunks of a prefill). */
    final int offset;

    Pass(OrtSession.Result result, int rows, int length, int cacheLength, int offset) throws OrtException {
      this.result = result;
      this.length = length;
      this.cacheLength = cacheLength;
      this.offset = offset;
      FloatBuffer scores = ((OnnxTensor) result.get(ScoringHead.LOGPROBS).orElseThrow()).getFloatBuffer();
      this.logprobs = new float[rows * length];
      scores.get(logprobs);
      LongBuffer best = ((OnnxTensor) result.get(ScoringHead.ARGMAX).orElseThrow()).getLongBuffer();
      this.argmax = new long[rows * length];
      best.get(argmax);
    }

    float logprob(int row, int position) {
      return logprobs[row * length + position];
    }

    long argmax(int row, int position) {
      return argmax[row * length + position];
    }

    /** This pass's caches, as the next pass's past (still owned by this pass). */
    Cache cache() {
      return new Cache(result, "present.", cacheLength, false);
    }

    /** The cache rows of the given batch rows (a row may be taken several times), in ONNX Runtime. */
    Cache take(int[] which) throws OrtException {
      return new Cache(cacheRows.take(result, which), CacheRows.OUTPUT_PREFIX, cacheLength, true);
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
      cacheRows.close();
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
