package io.podium.models.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Rows per pass from the model's shape: the byte bound holds, and one row always runs. */
class PassBudgetTest {

  /** Qwen2.5-0.5B's config.json, the fields that size a pass. */
  static final String QWEN = """
      {"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864, "num_attention_heads": 14,
       "num_key_value_heads": 2, "num_hidden_layers": 24, "vocab_size": 151936, "torch_dtype": "bfloat16",
       "max_position_embeddings": 32768}""";

  @Test
  void theShapeIsReadUnderHuggingFaceNames() throws Exception {
    DecoderShape qwen = DecoderShape.of(new ObjectMapper().readTree(QWEN));
    assertEquals(new DecoderShape(24, 896, 14, 2, 64, 4864, 3, 151_936, 2), qwen);
    // 24 x (q, o: 896x896; k, v: 896x128; gate, up, down: 896x4864) + the head 896x151936
    assertEquals(24L * (2 * 896 * 896 + 2 * 896 * 128 + 3 * 896 * 4864) + 896L * 151_936, qwen.matmulParameters());
    // GPT-2's names: an MLP of two matrices, 4x wide, no grouped heads
    DecoderShape gpt2 = DecoderShape.of(new ObjectMapper().readTree(
        "{\"n_embd\": 768, \"n_head\": 12, \"n_layer\": 12, \"vocab_size\": 50257}"));
    assertEquals(new DecoderShape(12, 768, 12, 12, 64, 3072, 2, 50_257, 4), gpt2);
    assertEquals(null, DecoderShape.of(new ObjectMapper().readTree("{\"vocab_size\": 10}")));
  }

  @Test
  void rowsStayWithinTheBytesAndShrinkAsPassesGrow() throws Exception {
    DecoderShape qwen = DecoderShape.of(new ObjectMapper().readTree(QWEN));
    long budget = 2L << 30;
    PassBudget planner = new PassBudget(64, 1 << 20, budget, qwen);
    int previous = Integer.MAX_VALUE;
    for (int length : new int[] {16, 128, 512, 2048}) {
      int rows = planner.rows(length, 0, 64);
      assertTrue(rows <= previous, length + " tokens: " + rows + " rows after " + previous);
      assertTrue(rows == 1 || qwen.passBytes(rows, length, 0) <= budget, length + " tokens, " + rows + " rows");
      assertTrue(rows == 64 || qwen.passBytes(rows + 1, length, 0) > budget, "one more row would fit at " + length);
      previous = rows;
    }
    // The logits alone of 8,192 tokens are over 2 GiB: the one row still runs, its prefill in
    // chunks that fit on the whole row's cache.
    assertTrue(qwen.passBytes(1, 8192, 0) > budget);
    assertEquals(1, planner.rows(8192, 0, 64));
    int chunk = planner.chunk(8192);
    assertTrue(chunk < 8192 && qwen.passBytes(1, chunk, 8192) <= budget, "chunk " + chunk);
    assertTrue(qwen.passBytes(1, chunk * 2, 8192) > budget, "chunk " + chunk + " could be twice as long");
    assertEquals(512, planner.chunk(512));
    // Generation counts the caches of the last step too.
    PassBudget large = new PassBudget(64, 1 << 20, 8L << 30, qwen);
    assertTrue(large.generationRows(512, 100_000, 64) < large.generationRows(512, 16, 64));
    // The token bound applies where the shape is unknown.
    assertEquals(4, new PassBudget(64, 4096, budget, null).rows(1024, 0, 64));
  }
}
