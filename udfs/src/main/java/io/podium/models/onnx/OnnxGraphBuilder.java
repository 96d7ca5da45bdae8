package io.podium.models.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small builder for ONNX graphs (opset 17), over the ONNX protobuf classes: inputs and
 * outputs with symbolic dimensions, initializers, and nodes whose outputs get fresh names.
 * Initializers are embedded in the model, or, with {@link #externalData}, written to a file
 * beside it as ONNX's external data (what exports over protobuf's 2 GB limit do).
 */
public final class OnnxGraphBuilder {

  public static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
  public static final int INT64 = TensorProto.DataType.INT64_VALUE;
  public static final int FLOAT16 = TensorProto.DataType.FLOAT16_VALUE;
  public static final int BOOL = TensorProto.DataType.BOOL_VALUE;

  /** Initializers smaller than this stay in the model file even with external data. */
  private static final int EXTERNAL_THRESHOLD = 1024;
  public static final int OPSET = 17;

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private int counter;
  private OutputStream external;
  private String externalName;
  private long externalOffset;

  public OnnxGraphBuilder(String name) {
    graph.setName(name);
  }

  /**
   * Writes the initializers from here on (those of at least 1 KiB) to {@code file}, which must
   * sit beside the model file that {@link #build} is written to.
   */
  public OnnxGraphBuilder externalData(Path file) throws IOException {
    this.external = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20);
    this.externalName = file.getFileName().toString();
    return this;
  }

  /** A graph input; a dimension is a String (symbolic) or an Integer. */
  public String input(String name, int elemType, Object... dims) {
    graph.addInput(valueInfo(name, elemType, dims));
    return name;
  }

  public void output(String name, int elemType, Object... dims) {
    graph.addOutput(valueInfo(name, elemType, dims));
  }

  public String floats(String name, float[] data, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(data);
    return initializer(name, FLOAT, bytes.array(), dims);
  }

  /** A float16 initializer: {@code data} rounded to half precision. */
  public String halves(String name, float[] data, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(data.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : data) {
      bytes.putShort(Float16.fromFloat(f));
    }
    return initializer(name, FLOAT16, bytes.array(), dims);
  }

  private String initializer(String name, int type, byte[] raw, long... dims) {
    TensorProto.Builder t = tensor(name, type, dims);
    if (external == null || raw.length < EXTERNAL_THRESHOLD) {
      graph.addInitializer(t.setRawData(ByteString.copyFrom(raw)));
      return name;
    }
    try {
      external.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    t.setDataLocation(TensorProto.DataLocation.EXTERNAL)
        .addExternalData(entry("location", externalName))
        .addExternalData(entry("offset", Long.toString(externalOffset)))
        .addExternalData(entry("length", Integer.toString(raw.length)));
    externalOffset += raw.length;
    graph.addInitializer(t);
    return name;
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  public String longs(String name, long[] data, long... dims) {
    ByteBuffer bytes = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asLongBuffer().put(data);
    graph.addInitializer(tensor(name, INT64, dims).setRawData(ByteString.copyFrom(bytes.array())));
    return name;
  }

  /** A scalar constant. */
  public String scalar(float value) {
    return floats("const_" + (counter++), new float[] {value});
  }

  /** A node with one output, named automatically (or {@code output} when given via {@link #nodeTo}). */
  public String node(String op, String[] inputs, AttributeProto... attributes) {
    return nodeTo(op + "_" + (counter++), op, inputs, attributes);
  }

  public String nodeTo(String output, String op, String[] inputs, AttributeProto... attributes) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName("n" + (counter++)).addOutput(output);
    for (String in : inputs) {
      n.addInput(in);
    }
    for (AttributeProto a : attributes) {
      n.addAttribute(a);
    }
    graph.addNode(n);
    return output;
  }

  public static AttributeProto attr(String name, long value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
  }

  public static AttributeProto attr(String name, float value) {
    return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
  }

  public static AttributeProto attr(String name, long... values) {
    AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  /** The model; with external data, also finishes writing the data file. */
  public byte[] build() {
    if (external != null) {
      try {
        external.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      external = null;
    }
    return ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("podium")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  private static TensorProto.Builder tensor(String name, int type, long... dims) {
    TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type);
    for (long d : dims) {
      t.addDims(d);
    }
    return t;
  }

  private static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (Object d : dims) {
      TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
      if (d instanceof String s) {
        dim.setDimParam(s);
      } else {
        dim.setDimValue(((Number) d).longValue());
      }
      shape.addDim(dim);
    }
    return ValueInfoProto.newBuilder().setName(name)
        .setType(TypeProto.newBuilder().setTensorType(
            TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape)))
        .build();
  }
}
