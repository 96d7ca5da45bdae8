package io.podium.models.onnx;

import static io.podium.models.onnx.OnnxGraphBuilder.INT64;
import static io.podium.models.onnx.OnnxGraphBuilder.attr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Takes rows of a pass's key/value caches into a new batch inside ONNX Runtime (a Gather on
 * the batch axis of every cache), so that a context's cache serves each of its continuations
 * without passing through the JVM.
 */
final class CacheRows implements AutoCloseable {

  /** The outputs' names: {@code out.N.key|value}. */
  static final String OUTPUT_PREFIX = "out.";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final int layers;

  CacheRows(OrtEnvironment env, int layers, int elemType, int kvHeads, int headDim, OrtSession.SessionOptions options)
      throws OrtException {
    this.env = env;
    this.layers = layers;
    OnnxGraphBuilder g = new OnnxGraphBuilder("podium-cache-rows");
    String rows = g.input("rows", INT64, "rows");
    for (int l = 0; l < layers; l++) {
      for (String kind : new String[] {"key", "value"}) {
        String in = g.input("in." + l + "." + kind, elemType, "batch_size", kvHeads, "length", headDim);
        g.nodeTo(OUTPUT_PREFIX + l + "." + kind, "Gather", new String[] {in, rows}, attr("axis", 0L));
        g.output(OUTPUT_PREFIX + l + "." + kind, elemType, "rows", kvHeads, "length", headDim);
      }
    }
    this.session = env.createSession(g.build(), options);
  }

  /** The given rows (a row may be taken several times) of the caches {@code present} holds. */
  OrtSession.Result take(OrtSession.Result present, int[] which) throws OrtException {
    long[] ids = new long[which.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = which[i];
    }
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor rows = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {ids.length})) {
      inputs.put("rows", rows);
      for (int l = 0; l < layers; l++) {
        for (String kind : new String[] {"key", "value"}) {
          inputs.put("in." + l + "." + kind, (OnnxTensor) present.get("present." + l + "." + kind).orElseThrow());
        }
      }
      return session.run(inputs);
    }
  }

  @Override
  public void close() throws OrtException {
    session.close();
  }
}
