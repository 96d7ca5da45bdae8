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

/**
 * The built-in ONNX models, written on first use into a local folder in the Optimum export
 * layout ({@code model.onnx}, {@code tokenizer.json}, {@code config.json}) and then loaded like
 * any other export:
 *
 * <ul>
 *   <li>{@code tiny-gpt}: 2 layers, 4 heads, width 64, seeded random weights (scores near chance);
 *   <li>{@code bigram-gpt}: the same architecture (1 layer, width 260) with weights that encode a
 *       byte-level bigram model estimated from English text, so its scores differ from chance.
 * </ul>
 */
public final class BuiltinModels {

  /** Bump when a built-in model's weights or graph change: it is part of the folder name. */
  static final int VERSION = 1;

  public static final List<String> NAMES = List.of("tiny-gpt", "bigram-gpt");

  private static final int VOCAB = 257;
  private static final int POSITIONS = 2048;

  private BuiltinModels() {}

  /** The model's folder (written if missing) under {@code root}. */
  public static Path materialize(String name, Path root) throws IOException {
    Path dir = root.resolve(name + "-v" + VERSION);
    if (Files.exists(dir.resolve("config.json"))) {
      return dir;
    }
    GptShape shape;
    GptWeights weights;
    switch (name) {
      case "tiny-gpt" -> {
        shape = new GptShape(VOCAB, 64, 4, 2, POSITIONS);
        weights = new SeededWeights(20240828L, 0.3);
      }
      case "bigram-gpt" -> {
        shape = new GptShape(VOCAB, 260, 4, 1, POSITIONS);
        weights = new BigramWeights(shape, corpus(), ByteLevelTokenizerJson.EOS_ID, 0.1);
      }
      default -> throw new IllegalArgumentException("unknown built-in model '" + name + "' (built-in: "
          + String.join(", ", NAMES) + ", sphinx-trigram)");
    }
    Path tmp = Files.createTempDirectory(Files.createDirectories(root), name + ".tmp");
    Files.write(tmp.resolve("model.onnx"), GptGraph.build(shape, weights));
    Files.writeString(tmp.resolve("tokenizer.json"), ByteLevelTokenizerJson.json());
    Files.writeString(tmp.resolve("config.json"), new com.fasterxml.jackson.databind.ObjectMapper()
        .writeValueAsString(Map.of(
            "model_type", "gpt2",
            "n_layer", shape.layers(),
            "n_head", shape.heads(),
            "n_embd", shape.dModel(),
            "vocab_size", shape.vocab(),
            "n_positions", shape.maxPositions(),
            "eos_token_id", ByteLevelTokenizerJson.EOS_ID,
            "bos_token_id", ByteLevelTokenizerJson.EOS_ID)));
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

  static String corpus() throws IOException {
    try (InputStream in = BuiltinModels.class.getResourceAsStream("bigram-corpus.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
