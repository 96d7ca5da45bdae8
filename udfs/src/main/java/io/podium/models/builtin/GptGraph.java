package io.podium.models.builtin;

import static io.podium.models.onnx.OnnxGraphBuilder.FLOAT;
import static io.podium.models.onnx.OnnxGraphBuilder.INT64;
import static io.podium.models.onnx.OnnxGraphBuilder.attr;

import io.podium.models.onnx.OnnxGraphBuilder;

/**
 * Writes a GPT-style decoder (pre-LayerNorm blocks of causal self-attention and an MLP, learned
 * positions) as an ONNX graph with exactly the signature of a Hugging Face Optimum
 * decoder-with-past export: inputs {@code input_ids}, {@code attention_mask},
 * {@code position_ids}, {@code past_key_values.N.key|value}; outputs {@code logits},
 * {@code present.N.key|value}. So built-in models run through the same ONNX Runtime code path
 * as a real export.
 */
public final class GptGraph {

  private GptGraph() {}

  public static byte[] build(GptShape s, GptWeights w) {
    OnnxGraphBuilder g = new OnnxGraphBuilder("podium-gpt");
    int d = s.dModel();
    int h = s.heads();
    int hd = s.headDim();
    String ids = g.input("input_ids", INT64, "batch_size", "sequence_length");
    String mask = g.input("attention_mask", INT64, "batch_size", "total_sequence_length");
    String positions = g.input("position_ids", INT64, "batch_size", "sequence_length");
    for (int l = 0; l < s.layers(); l++) {
      g.input("past_key_values." + l + ".key", FLOAT, "batch_size", h, "past_sequence_length", hd);
      g.input("past_key_values." + l + ".value", FLOAT, "batch_size", h, "past_sequence_length", hd);
    }

    String wte = g.floats("wte", w.get("wte", s.vocab(), d), s.vocab(), d);
    String wpe = g.floats("wpe", w.get("wpe", s.maxPositions(), d), s.maxPositions(), d);
    String x = g.node("Add", new String[] {
        g.node("Gather", new String[] {wte, ids}), g.node("Gather", new String[] {wpe, positions})});

    String bias = AttentionBias.of(g, ids, mask);
    String toHeads = g.longs("shape_heads", new long[] {0, 0, h, hd}, 4);
    String toModel = g.longs("shape_model", new long[] {0, 0, d}, 3);
    String scale = g.scalar((float) (1.0 / Math.sqrt(hd)));

    for (int l = 0; l < s.layers(); l++) {
      String p = "h." + l + ".";
      String a = layerNorm(g, x, w, p + "ln_1", d);
      String q = heads(g, linear(g, a, w, p + "attn.q", d, d), toHeads);
      String k = heads(g, linear(g, a, w, p + "attn.k", d, d), toHeads);
      String v = heads(g, linear(g, a, w, p + "attn.v", d, d), toHeads);
      String keys = g.nodeTo("present." + l + ".key", "Concat",
          new String[] {"past_key_values." + l + ".key", k}, attr("axis", 2L));
      String values = g.nodeTo("present." + l + ".value", "Concat",
          new String[] {"past_key_values." + l + ".value", v}, attr("axis", 2L));
      String scores = g.node("Add", new String[] {
          g.node("Mul", new String[] {
              g.node("MatMul", new String[] {q, g.node("Transpose", new String[] {keys}, attr("perm", 0, 1, 3, 2))}),
              scale}),
          bias});
      String attended = g.node("MatMul", new String[] {g.node("Softmax", new String[] {scores}, attr("axis", -1L)), values});
      String merged = g.node("Reshape", new String[] {
          g.node("Transpose", new String[] {attended}, attr("perm", 0, 2, 1, 3)), toModel});
      x = g.node("Add", new String[] {x, linear(g, merged, w, p + "attn.o", d, d)});

      String m = layerNorm(g, x, w, p + "ln_2", d);
      String hidden = g.node("Relu", new String[] {linear(g, m, w, p + "mlp.fc", d, 4 * d)});
      x = g.node("Add", new String[] {x, linear(g, hidden, w, p + "mlp.proj", 4 * d, d)});
    }
    String out = layerNorm(g, x, w, "ln_f", d);
    g.nodeTo("logits", "MatMul", new String[] {out, g.floats("head", w.get("head", d, s.vocab()), d, s.vocab())});

    g.output("logits", FLOAT, "batch_size", "sequence_length", s.vocab());
    for (int l = 0; l < s.layers(); l++) {
      g.output("present." + l + ".key", FLOAT, "batch_size", h, "total_sequence_length", hd);
      g.output("present." + l + ".value", FLOAT, "batch_size", h, "total_sequence_length", hd);
    }
    return g.build();
  }

  private static String heads(OnnxGraphBuilder g, String x, String toHeads) {
    return g.node("Transpose", new String[] {g.node("Reshape", new String[] {x, toHeads})}, attr("perm", 0, 2, 1, 3));
  }

  private static String linear(OnnxGraphBuilder g, String x, GptWeights w, String name, int in, int out) {
    String weight = g.floats(name + ".w", w.get(name + ".w", in, out), in, out);
    String b = g.floats(name + ".b", w.get(name + ".b", out), out);
    return g.node("Add", new String[] {g.node("MatMul", new String[] {x, weight}), b});
  }

  private static String layerNorm(OnnxGraphBuilder g, String x, GptWeights w, String name, int d) {
    String gamma = g.floats(name + ".g", w.get(name + ".g", d), d);
    String beta = g.floats(name + ".b", w.get(name + ".b", d), d);
    return g.node("LayerNormalization", new String[] {x, gamma, beta}, attr("axis", -1L), attr("epsilon", 1e-5f));
  }
}
