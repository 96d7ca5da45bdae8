package io.podium.models.onnx;

import io.podium.models.Backend;
import io.podium.models.LanguageModel;
import io.podium.models.ModelFolders;
import io.podium.models.ModelSpec;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/** {@code backend: onnx}: an Optimum ONNX export folder (text-generation-with-past), local or s3a://. */
public final class OnnxBackend implements Backend {

  /** Tokens per forward pass at most (rows x padded length). */
  public static final String MAX_BATCH_TOKENS = "max_batch_tokens";

  /** Bytes ONNX Runtime may hold for one pass, by the model's shape (e.g. 2147483648, 512m, 24g). */
  public static final String MAX_BATCH_BYTES = "max_batch_bytes";

  @Override
  public String name() {
    return "onnx";
  }

  @Override
  public Map<String, String> defaultOptions() {
    return Map.of(MAX_BATCH_TOKENS, Integer.toString(OnnxDecoderModel.DEFAULT_MAX_BATCH_TOKENS),
        MAX_BATCH_BYTES, Long.toString(OnnxDecoderModel.DEFAULT_MAX_BATCH_BYTES));
  }

  @Override
  public void validate(ModelSpec spec) {
    engineOptions(spec, null, 0);
  }

  @Override
  public void checkExists(ModelSpec spec, Configuration hadoop) throws IOException {
    Path folder = new Path(spec.uri());
    ExportCheck.check(folder.getFileSystem(hadoop), folder);
  }

  @Override
  public boolean runsOnGpu(ModelSpec spec) {
    return true;
  }

  @Override
  public LanguageModel open(ModelSpec spec, Integer cudaDevice, int threads, ModelFolders folders) throws IOException {
    return new OnnxDecoderModel(spec.modelKey(), folders.localize(spec.uri()), engineOptions(spec, cudaDevice, threads));
  }

  /** The engine settings of a spec (also those of the built-in GPTs, which are ONNX graphs). */
  public static OnnxDecoderModel.Options engineOptions(ModelSpec spec, Integer cudaDevice, int threads) {
    String tokens = spec.option(MAX_BATCH_TOKENS, Integer.toString(OnnxDecoderModel.DEFAULT_MAX_BATCH_TOKENS));
    int maxBatchTokens;
    try {
      maxBatchTokens = Integer.parseInt(tokens);
    } catch (NumberFormatException e) {
      maxBatchTokens = 0;
    }
    if (maxBatchTokens < 1) {
      throw new IllegalArgumentException("model " + spec.modelId() + ": option " + MAX_BATCH_TOKENS
          + " must be a positive integer, got '" + tokens + "'");
    }
    String bytes = spec.option(MAX_BATCH_BYTES, Long.toString(OnnxDecoderModel.DEFAULT_MAX_BATCH_BYTES));
    long maxBatchBytes = parseBytes(bytes);
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("model " + spec.modelId() + ": option " + MAX_BATCH_BYTES
          + " must be a positive number of bytes (e.g. 2147483648, 512m, 24g), got '" + bytes + "'");
    }
    return new OnnxDecoderModel.Options(spec.batchSize(), maxBatchTokens, spec.prefixSharing(), cudaDevice, threads,
        spec.allowCpu(), maxBatchBytes);
  }

  /** Bytes, with an optional k, m or g suffix (powers of 1,024); -1 when not a size. */
  static long parseBytes(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    long unit = 1;
    if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
      unit = 1L << (10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1));
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Math.multiplyExact(Long.parseLong(t), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      return -1;
    }
  }
}
