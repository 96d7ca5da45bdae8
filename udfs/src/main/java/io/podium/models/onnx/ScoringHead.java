package io.podium.models.onnx;

import static io.podium.models.onnx.OnnxGraphBuilder.attr;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Nodes added to a decoder's graph when it is loaded, so that only what the harness needs
 * leaves ONNX Runtime: for every position, the log-probability of a given target token
 * ({@code log_softmax(logits)[target]}, as {@code logits[target] - logsumexp(logits)}) and the
 * argmax token (for greedy checks and generation). A pass then returns rows x length numbers
 * instead of rows x length x vocabulary logits. The export on disk is left as it is: the
 * extended graph is loaded from memory, its external data (if any) read from the export's
 * folder.
 */
public final class ScoringHead {

  /** int64 [batch, sequence]: the token each position is scored for (any id where unused). */
  public static final String TARGETS = "podium_targets";
  /** float [batch, sequence]: log-probability of the target token at each position. */
  public static final String LOGPROBS = "podium_target_logprobs";
  /** int64 [batch, sequence]: the most likely token at each position (the first, on ties). */
  public static final String ARGMAX = "podium_argmax";

  private ScoringHead() {}

  /** The export's graph with the scoring head, as model bytes. */
  public static byte[] attach(Path modelOnnx) throws IOException {
    ModelProto model;
    try (InputStream in = Files.newInputStream(modelOnnx)) {
      com.google.protobuf.CodedInputStream coded = com.google.protobuf.CodedInputStream.newInstance(in);
      coded.setSizeLimit(Integer.MAX_VALUE);
      model = ModelProto.parseFrom(coded);
    }
    return attach(model).toByteArray();
  }

  static ModelProto attach(ModelProto model) throws IOException {
    long opset = 0;
    for (OperatorSetIdProto o : model.getOpsetImportList()) {
      if (o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) {
        opset = o.getVersion();
      }
    }
    if (opset < 13) {
      throw new IOException("the graph's opset is " + opset + "; Podium needs opset 13 or later"
          + " (re-export with Optimum, which writes 14 or later)");
    }
    GraphProto.Builder g = model.getGraph().toBuilder();
    ValueInfoProto logits = g.getOutputList().stream().filter(o -> o.getName().equals("logits")).findFirst()
        .orElseThrow(() -> new IOException("the graph has no output 'logits'"));
    String scores = "logits";
    if (logits.getType().getTensorType().getElemType() != TensorProto.DataType.FLOAT_VALUE) {
      scores = node(g, "podium_logits_float", "Cast", new String[] {"logits"},
          attr("to", (long) TensorProto.DataType.FLOAT_VALUE));
    }
    String lastAxis = constant(g, "podium_last_axis", -1L);
    String logSumExp;
    if (opset >= 18) {
      logSumExp = node(g, "podium_logsumexp", "ReduceLogSumExp", new String[] {scores, lastAxis}, attr("keepdims", 1L));
    } else {
      logSumExp = node(g, "podium_logsumexp", "ReduceLogSumExp", new String[] {scores},
          attr("axes", new long[] {-1}),
          attr("keepdims", 1L));
    }
    String targets = node(g, "podium_targets_3d", "Unsqueeze", new String[] {TARGETS, lastAxis});
    String picked = node(g, "podium_target_logits", "GatherElements", new String[] {scores, targets}, attr("axis", -1L));
    String difference = node(g, "podium_target_logprobs_3d", "Sub", new String[] {picked, logSumExp});
    node(g, LOGPROBS, "Squeeze", new String[] {difference, lastAxis});
    node(g, ARGMAX, "ArgMax", new String[] {scores}, attr("axis", -1L), attr("keepdims", 0L));

    g.addInput(tensor(TARGETS, TensorProto.DataType.INT64_VALUE));
    g.addOutput(tensor(LOGPROBS, TensorProto.DataType.FLOAT_VALUE));
    g.addOutput(tensor(ARGMAX, TensorProto.DataType.INT64_VALUE));
    return model.toBuilder().setGraph(g).build();
  }

  private static String node(GraphProto.Builder g, String output, String op, String[] inputs, AttributeProto... attrs) {
    NodeProto.Builder n = NodeProto.newBuilder().setName(output).setOpType(op).addOutput(output);
    for (String in : inputs) {
      n.addInput(in);
    }
    for (AttributeProto a : attrs) {
      n.addAttribute(a);
    }
    g.addNode(n);
    return output;
  }

  private static String constant(GraphProto.Builder g, String name, long value) {
    ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    g.addInitializer(TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(1)
        .setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  private static ValueInfoProto tensor(String name, int type) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"))
        .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("sequence_length"));
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(type).setShape(shape)))
        .build();
  }
}
