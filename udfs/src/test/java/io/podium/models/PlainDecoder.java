package io.podium.models;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;

/** An export's own graph run once over one sequence, its logits read whole: what tests compare with. */
final class PlainDecoder {

  private PlainDecoder() {}

  /** Logits [T][V] of {@code tokens} at positions 0..T-1, with an empty cache. */
  static float[][] logits(OrtEnvironment env, OrtSession session, int[] tokens) throws Exception {
    int t = tokens.length;
    long[] ids = new long[t];
    long[] positions = new long[t];
    long[] mask = new long[t];
    for (int i = 0; i < t; i++) {
      ids[i] = tokens[i];
      positions[i] = i;
      mask[i] = 1;
    }
    Map<String, OnnxTensor> in = new HashMap<>();
    in.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, t}));
    in.put("position_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(positions), new long[] {1, t}));
    in.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, t}));
    for (Map.Entry<String, NodeInfo> input : session.getInputInfo().entrySet()) {
      if (input.getKey().startsWith("past_key_values.")) {
        long[] shape = ((TensorInfo) input.getValue().getInfo()).getShape();
        in.put(input.getKey(), OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, shape[1], 0, shape[3]}));
      }
    }
    try (OrtSession.Result r = session.run(in)) {
      FloatBuffer flat = ((OnnxTensor) r.get("logits").orElseThrow()).getFloatBuffer();
      int vocab = flat.remaining() / t;
      float[][] out = new float[t][vocab];
      for (int i = 0; i < t; i++) {
        flat.get(out[i]);
      }
      return out;
    } finally {
      in.values().forEach(OnnxTensor::close);
    }
  }
}
