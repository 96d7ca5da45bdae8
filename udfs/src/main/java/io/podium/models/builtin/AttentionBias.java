package io.podium.models.builtin;

import static io.podium.models.onnx.OnnxGraphBuilder.attr;

import io.podium.models.onnx.OnnxGraphBuilder;

/** The causal, padding-aware attention bias both built-in architectures add to their scores. */
final class AttentionBias {

  private AttentionBias() {}

  /**
   * [batch, 1, T, S] additive bias: 0 where query i (at absolute position S - T + i) may see
   * key j (j <= S - T + i and attention_mask[j] = 1), -1e9 elsewhere.
   */
  static String of(OnnxGraphBuilder g, String ids, String mask) {
    String zero = g.longs("zero", new long[] {0}, 1);
    String one = g.longs("one", new long[] {1}, 1);
    String zeroScalar = g.longs("zero_s", new long[] {0}, new long[0]);
    String oneScalar = g.longs("one_s", new long[] {1}, new long[0]);
    String total = g.node("Squeeze", new String[] {
        g.node("Slice", new String[] {g.node("Shape", new String[] {mask}), one, g.longs("two", new long[] {2}, 1)}), zero});
    String length = g.node("Squeeze", new String[] {
        g.node("Slice", new String[] {g.node("Shape", new String[] {ids}), one, g.longs("two_b", new long[] {2}, 1)}), zero});
    String keyIndex = g.node("Range", new String[] {zeroScalar, total, oneScalar});
    String queryIndex = g.node("Range", new String[] {g.node("Sub", new String[] {total, length}), total, oneScalar});
    String causal = g.node("LessOrEqual", new String[] {
        g.node("Unsqueeze", new String[] {keyIndex, zero}),
        g.node("Unsqueeze", new String[] {queryIndex, one})});
    String padding = g.node("Unsqueeze", new String[] {
        g.node("Cast", new String[] {mask}, attr("to", (long) ai.onnx.proto.OnnxMl.TensorProto.DataType.BOOL_VALUE)),
        g.longs("axes_12", new long[] {1, 2}, 2)});
    String allowed = g.node("And", new String[] {causal, padding});
    return g.node("Where", new String[] {allowed, g.scalar(0f), g.scalar(-1e9f)});
  }
}
