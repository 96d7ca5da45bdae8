package io.podium.models.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import io.podium.models.onnx.OnnxGraphBuilder;

/**
 * The built-in ONNX models, written on first use into a local folder in the Optimum export
 * layout ({@code model.onnx}, {@code tokenizer.json}, {@code config.json}) and then loaded like
 * any other export:
 *
 * <ul>
 *   <li>{@code tiny-gpt}: 2 layers, 4 heads, width 64, seeded random weights (scores near chance);
 *   <li>{@code bigram-gpt}: the same architecture (1 layer, width 260) with weights that encode a
 *       byte-level bigram model estimated from English text, so its scores differ from chance;
 *   <li>{@code tiny-llama}: a Llama-architecture decoder (RMSNorm, rotary embeddings, 4 query and
 *       2 key/value heads, SwiGLU), 2 layers, width 64, seeded weights;
 *   <li>{@code qwen2.5-0.5b-shape} and {@code llama-3-8b-layer-shape}: seeded decoders of real
 *       sizes (Qwen2.5-0.5B's 494 M parameters; one layer of Llama-3-8B), for benchmarks: their
 *       speed and memory are a real model's, their scores chance. Written once (2 GB and 1.6 GB,
 *       weights in {@code model.onnx_data}).
 * </ul>
 */
public final class BuiltinModels {

  /** Bump when a built-in model's weights or graph change: it is part of the folder name. */
  static final int VERSION = 1;

  public static final List<String> NAMES =
      List.of("tiny-gpt", "bigram-gpt", "tiny-llama", "qwen2.5-0.5b-shape", "llama-3-8b-layer-shape");

  /** The shape of {@code tiny-llama}. */
  public static final LlamaShape TINY_LLAMA = new LlamaShape(257, 64, 4, 2, 2, 128, 2048, 10_000, 1e-6, false,
      false, false);

  private static final int VOCAB = 257;
  private static final int POSITIONS = 2048;

  private BuiltinModels() {}

  /** The model's folder (written if missing) under {@code root}. */
  public static Path materialize(String name, Path root) throws IOException {
    Path dir = root.resolve(name + "-v" + VERSION);
    if (Files.exists(dir.resolve("config.json"))) {
      return dir;
    }
    Path tmp = Files.createTempDirectory(Files.createDirectories(root), name + ".tmp");
    switch (name) {
      case "tiny-gpt" -> writeGpt(tmp, new GptShape(VOCAB, 64, 4, 2, POSITIONS), new SeededWeights(20240828L, 0.3));
      case "bigram-gpt" -> {
        GptShape shape = new GptShape(VOCAB, 260, 4, 1, POSITIONS);
        writeGpt(tmp, shape, new BigramWeights(shape, corpus(), ByteLevelTokenizerJson.EOS_ID, 0.1));
      }
      case "tiny-llama" -> writeLlama(tmp, TINY_LLAMA, new SeededWeights(20261203L, 0.3));
      case "qwen2.5-0.5b-shape" -> writeLlama(tmp, LlamaShape.qwen25HalfB(), new SeededWeights(25L, 0.02));
      case "llama-3-8b-layer-shape" -> writeLlama(tmp, LlamaShape.llama3EightBOneLayer(), new SeededWeights(3L, 0.02));
      default -> {
        Files.delete(tmp);
        throw new IllegalArgumentException("unknown built-in model '" + name + "' (built-in: "
            + String.join(", ", NAMES) + ", sphinx-trigram)");
      }
    }
    try {
      Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException
        | java.nio.file.DirectoryNotEmptyException e) {
      if (!Files.exists(dir.resolve("config.json"))) {
        throw e;
      }
      // another task wrote it first; theirs is identical
    }
    return dir;
  }

  private static void writeGpt(Path dir, GptShape shape, GptWeights weights) throws IOException {
    Files.write(dir.resolve("model.onnx"), GptGraph.build(shape, weights));
    Files.writeString(dir.resolve("tokenizer.json"), ByteLevelTokenizerJson.json());
    writeConfig(dir, Map.of(
        "model_type", "gpt2",
        "n_layer", shape.layers(),
        "n_head", shape.heads(),
        "n_embd", shape.dModel(),
        "vocab_size", shape.vocab(),
        "n_positions", shape.maxPositions()));
  }

  /**
   * A Llama-architecture export: model.onnx, with the weights of models over 64 MB in
   * model.onnx_data beside it (as Optimum writes exports over protobuf's 2 GB limit), the
   * byte-level tokenizer and a Hugging Face config.json.
   */
  public static void writeLlama(Path dir, LlamaShape shape, GptWeights weights) throws IOException {
    writeLlama(dir, shape, weights, shape.parameters() * (shape.float16() ? 2 : 4) > (64L << 20));
  }

  static void writeLlama(Path dir, LlamaShape shape, GptWeights weights, boolean externalData) throws IOException {
    OnnxGraphBuilder builder = new OnnxGraphBuilder("podium-llama");
    if (externalData) {
      builder.externalData(dir.resolve("model.onnx_data"));
    }
    Files.write(dir.resolve("model.onnx"), LlamaGraph.build(shape, weights, builder));
    Files.writeString(dir.resolve("tokenizer.json"), ByteLevelTokenizerJson.json());
    Map<String, Object> config = new java.util.LinkedHashMap<>();
    config.put("model_type", shape.qkvBias() ? "qwen2" : "llama");
    config.put("hidden_size", shape.hidden());
    config.put("num_attention_heads", shape.heads());
    config.put("num_key_value_heads", shape.kvHeads());
    config.put("num_hidden_layers", shape.layers());
    config.put("intermediate_size", shape.intermediate());
    config.put("vocab_size", shape.vocab());
    config.put("max_position_embeddings", shape.maxPositions());
    config.put("rope_theta", shape.ropeTheta());
    config.put("rms_norm_eps", shape.rmsEps());
    config.put("tie_word_embeddings", shape.tiedEmbeddings());
    config.put("torch_dtype", shape.float16() ? "float16" : "float32");
    writeConfig(dir, config);
  }

  private static void writeConfig(Path dir, Map<String, Object> fields) throws IOException {
    Map<String, Object> config = new java.util.LinkedHashMap<>(fields);
    config.put("eos_token_id", ByteLevelTokenizerJson.EOS_ID);
    config.put("bos_token_id", ByteLevelTokenizerJson.EOS_ID);
    Files.writeString(dir.resolve("config.json"), new com.fasterxml.jackson.databind.ObjectMapper()
        .writerWithDefaultPrettyPrinter().writeValueAsString(config));
  }

  static String corpus() throws IOException {
    try (InputStream in = BuiltinModels.class.getResourceAsStream("bigram-corpus.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
