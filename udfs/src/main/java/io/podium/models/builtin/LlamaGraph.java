package io.podium.models.builtin;

import static io.podium.models.onnx.OnnxGraphBuilder.FLOAT;
import static io.podium.models.onnx.OnnxGraphBuilder.FLOAT16;
import static io.podium.models.onnx.OnnxGraphBuilder.INT64;
import static io.podium.models.onnx.OnnxGraphBuilder.attr;

import io.podium.models.onnx.OnnxGraphBuilder;

/**
 * Writes a Llama-architecture decoder as an ONNX graph in the Optimum decoder-with-past
 * signature (as {@link GptGraph} does for the GPTs), following Hugging Face's
 * {@code modeling_llama.py}: per layer, {@code h = x + o(attn(rope(q(n1(x))), rope(k(n1(x))),
 * v(n1(x))))}, {@code x' = h + down(silu(gate(n2(h))) * up(n2(h)))} with RMSNorm
 * {@code n(x) = x / sqrt(mean(x^2) + eps) * g}; rotary embeddings rotate the two halves of each
 * head ({@code rotate_half}); each key/value head serves {@code heads / kvHeads} query heads.
 * The caches ({@code present.N.key|value}) hold the key/value heads only, as an export's do.
 *
 * <p>Weight names: {@code embed} [V,D]; {@code layers.N.input_norm.g} [D];
 * {@code layers.N.attn.q|k|v.w} [D, heads*hd | kv*hd] (with {@code .b} when
 * {@link LlamaShape#qkvBias}); {@code layers.N.attn.o.w} [heads*hd, D];
 * {@code layers.N.post_norm.g}; {@code layers.N.mlp.gate|up.w} [D,I]; {@code layers.N.mlp.down.w}
 * [I,D]; {@code norm.g}; {@code head} [D,V] unless tied.
 */
public final class LlamaGraph {

  private final LlamaShape s;
  private final GptWeights w;
  private final OnnxGraphBuilder g;

  private LlamaGraph(LlamaShape shape, GptWeights weights, OnnxGraphBuilder builder) {
    this.s = shape;
    this.w = weights;
    this.g = builder;
  }

  /** The model file; its large initializers go to wherever {@code builder} puts them. */
  public static byte[] build(LlamaShape shape, GptWeights weights, OnnxGraphBuilder builder) {
    return new LlamaGraph(shape, weights, builder).build();
  }

  public static byte[] build(LlamaShape shape, GptWeights weights) {
    return build(shape, weights, new OnnxGraphBuilder("podium-llama"));
  }

  private byte[] build() {
    int io = s.float16() ? FLOAT16 : FLOAT;
    int kv = s.kvHeads();
    int hd = s.headDim();
    String ids = g.input("input_ids", INT64, "batch_size", "sequence_length");
    String mask = g.input("attention_mask", INT64, "batch_size", "total_sequence_length");
    String positions = g.input("position_ids", INT64, "batch_size", "sequence_length");
    for (int l = 0; l < s.layers(); l++) {
      g.input("past_key_values." + l + ".key", io, "batch_size", kv, "past_sequence_length", hd);
      g.input("past_key_values." + l + ".value", io, "batch_size", kv, "past_sequence_length", hd);
    }

    String embed = weight("embed", s.vocab(), s.hidden());
    String x = g.node("Gather", new String[] {embed, ids});
    String bias = AttentionBias.of(g, ids, mask);
    String cos = g.node("Unsqueeze", new String[] {
        g.node("Gather", new String[] {g.floats("rope.cos", rotaryTable(s, true), s.maxPositions(), hd), positions}),
        g.longs("axis_1", new long[] {1}, 1)});
    String sin = g.node("Unsqueeze", new String[] {
        g.node("Gather", new String[] {g.floats("rope.sin", rotaryTable(s, false), s.maxPositions(), hd), positions}),
        g.longs("axis_1b", new long[] {1}, 1)});
    String scale = g.scalar((float) (1.0 / Math.sqrt(hd)));

    for (int l = 0; l < s.layers(); l++) {
      String p = "layers." + l + ".";
      String a = rmsNorm(x, p + "input_norm");
      String q = rotate(heads(linear(a, p + "attn.q", s.hidden(), s.heads() * hd, s.qkvBias()), s.heads()), cos, sin);
      String k = rotate(heads(linear(a, p + "attn.k", s.hidden(), kv * hd, s.qkvBias()), kv), cos, sin);
      String v = heads(linear(a, p + "attn.v", s.hidden(), kv * hd, s.qkvBias()), kv);
      String keys = cache(l, "key", k);
      String values = cache(l, "value", v);
      String scores = g.node("Add", new String[] {
          g.node("Mul", new String[] {
              g.node("MatMul", new String[] {q,
                  g.node("Transpose", new String[] {repeatKv(keys)}, attr("perm", 0, 1, 3, 2))}),
              scale}),
          bias});
      String attended = g.node("MatMul", new String[] {
          g.node("Softmax", new String[] {scores}, attr("axis", -1L)), repeatKv(values)});
      String merged = g.node("Reshape", new String[] {
          g.node("Transpose", new String[] {attended}, attr("perm", 0, 2, 1, 3)),
          g.longs(p + "to_model", new long[] {0, 0, (long) s.heads() * hd}, 3)});
      String h = g.node("Add", new String[] {x, linear(merged, p + "attn.o", s.heads() * hd, s.hidden(), false)});

      String m = rmsNorm(h, p + "post_norm");
      String gate = linear(m, p + "mlp.gate", s.hidden(), s.intermediate(), false);
      String silu = g.node("Mul", new String[] {gate, g.node("Sigmoid", new String[] {gate})});
      String up = linear(m, p + "mlp.up", s.hidden(), s.intermediate(), false);
      x = g.node("Add", new String[] {h,
          linear(g.node("Mul", new String[] {silu, up}), p + "mlp.down", s.intermediate(), s.hidden(), false)});
    }
    String out = rmsNorm(x, "norm");
    String head = s.tiedEmbeddings()
        ? g.node("Transpose", new String[] {embed}, attr("perm", 1, 0))
        : weight("head", s.hidden(), s.vocab());
    String logits = g.node("MatMul", new String[] {out, head});
    g.nodeTo("logits", "Cast", new String[] {logits}, attr("to", (long) io));

    g.output("logits", io, "batch_size", "sequence_length", s.vocab());
    for (int l = 0; l < s.layers(); l++) {
      g.output("present." + l + ".key", io, "batch_size", kv, "total_sequence_length", hd);
      g.output("present." + l + ".value", io, "batch_size", kv, "total_sequence_length", hd);
    }
    return g.build();
  }

  /**
   * HF's rotary table at every position: {@code cat(freqs, freqs)} with
   * {@code freqs[p][i] = p / theta^(2i / hd)}, its cosine or sine.
   */
  static float[] rotaryTable(LlamaShape s, boolean cosine) {
    int hd = s.headDim();
    float[] table = new float[s.maxPositions() * hd];
    for (int p = 0; p < s.maxPositions(); p++) {
      for (int i = 0; i < hd / 2; i++) {
        double angle = p / Math.pow(s.ropeTheta(), 2.0 * i / hd);
        float value = (float) (cosine ? Math.cos(angle) : Math.sin(angle));
        table[p * hd + i] = value;
        table[p * hd + i + hd / 2] = value;
      }
    }
    return table;
  }

  /** The layer's cache with this pass's keys or values appended, in the cache's dtype. */
  private String cache(int layer, String kind, String current) {
    String past = "past_key_values." + layer + "." + kind;
    String present = "present." + layer + "." + kind;
    if (!s.float16()) {
      return g.nodeTo(present, "Concat", new String[] {past, current}, attr("axis", 2L));
    }
    // Attention reads the cache as stored (float16), so a pass over the whole sequence and one
    // step on a cache see the same keys.
    String joined = g.node("Concat", new String[] {toFloat(past), current}, attr("axis", 2L));
    g.nodeTo(present, "Cast", new String[] {joined}, attr("to", (long) FLOAT16));
    return toFloat(present);
  }

  /** [b, kv, S, hd] to [b, heads, S, hd], each key/value head repeated for its query heads. */
  private String repeatKv(String x) {
    if (s.groups() == 1) {
      return x;
    }
    String expanded = g.node("Expand", new String[] {
        g.node("Unsqueeze", new String[] {x, g.longs("axis_2_" + x, new long[] {2}, 1)}),
        g.longs("groups_" + x, new long[] {1, 1, s.groups(), 1, 1}, 5)});
    return g.node("Reshape", new String[] {expanded,
        g.longs("to_heads_" + x, new long[] {0, s.heads(), -1, s.headDim()}, 4)});
  }

  /** [b, t, n*hd] to [b, n, t, hd]. */
  private String heads(String x, int n) {
    String shape = g.longs("split_" + x, new long[] {0, 0, n, s.headDim()}, 4);
    return g.node("Transpose", new String[] {g.node("Reshape", new String[] {x, shape})}, attr("perm", 0, 2, 1, 3));
  }

  /** {@code x * cos + rotate_half(x) * sin}, rotate_half(x) = cat(-x2, x1). */
  private String rotate(String x, String cos, String sin) {
    int half = s.headDim() / 2;
    String axis = g.longs("axis3_" + x, new long[] {3}, 1);
    String x1 = g.node("Slice", new String[] {x, g.longs("from0_" + x, new long[] {0}, 1),
        g.longs("to_half_" + x, new long[] {half}, 1), axis});
    String x2 = g.node("Slice", new String[] {x, g.longs("from_half_" + x, new long[] {half}, 1),
        g.longs("to_end_" + x, new long[] {s.headDim()}, 1), axis});
    String rotated = g.node("Concat", new String[] {g.node("Neg", new String[] {x2}), x1}, attr("axis", 3L));
    return g.node("Add", new String[] {
        g.node("Mul", new String[] {x, cos}), g.node("Mul", new String[] {rotated, sin})});
  }

  private String rmsNorm(String x, String name) {
    String meanSquare = g.node("ReduceMean", new String[] {g.node("Mul", new String[] {x, x})},
        attr("axes", new long[] {-1}), attr("keepdims", 1L));
    String inverse = g.node("Reciprocal", new String[] {
        g.node("Sqrt", new String[] {g.node("Add", new String[] {meanSquare, g.scalar((float) s.rmsEps())})})});
    return g.node("Mul", new String[] {g.node("Mul", new String[] {x, inverse}), weight(name + ".g", s.hidden())});
  }

  private String linear(String x, String name, int in, int out, boolean bias) {
    String y = g.node("MatMul", new String[] {x, weight(name + ".w", in, out)});
    return bias ? g.node("Add", new String[] {y, weight(name + ".b", out)}) : y;
  }

  /** A parameter as float32, stored as float16 in a float16 model. */
  private String weight(String name, int... shape) {
    long[] dims = new long[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    float[] values = w.get(name, shape);
    return s.float16() ? toFloat(g.halves(name, values, dims)) : g.floats(name, values, dims);
  }

  private String toFloat(String x) {
    return g.node("Cast", new String[] {x}, attr("to", (long) FLOAT));
  }
}
