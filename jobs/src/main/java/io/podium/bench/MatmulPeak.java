package io.podium.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.podium.models.onnx.DecoderShape;
import io.podium.models.onnx.OnnxGraphBuilder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * This machine's float32 matrix-multiply rate through ONNX Runtime: one MatMul of a model's
 * largest weight shape (hidden x intermediate) over 1,024 tokens, best of 30 runs. The ceiling
 * a forward pass's FLOP rate is compared with; measured before and after the run, since a busy
 * machine (a build, the JIT) lowers it.
 */
final class MatmulPeak {

  private MatmulPeak() {}

  static double measure(int threads, DecoderShape shape) throws OrtException {
    int m = 1024;
    int k = shape == null ? 1024 : shape.hidden();
    int n = shape == null ? 4096 : shape.intermediate();
    OnnxGraphBuilder g = new OnnxGraphBuilder("matmul-peak");
    String x = g.input("x", OnnxGraphBuilder.FLOAT, m, k);
    float[] weights = new float[k * n];
    java.util.Arrays.fill(weights, 0.01f);
    g.nodeTo("y", "MatMul", new String[] {x, g.floats("w", weights, k, n)});
    g.output("y", OnnxGraphBuilder.FLOAT, m, n);
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    if (threads > 0) {
      options.setIntraOpNumThreads(threads);
    }
    float[] input = new float[m * k];
    java.util.Arrays.fill(input, 0.5f);
    double best = 0;
    try (OrtSession session = env.createSession(g.build(), options);
        OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {m, k})) {
      for (int run = 0; run < 30; run++) {
        long start = System.nanoTime();
        try (OrtSession.Result r = session.run(Map.of("x", tensor))) {
          double seconds = (System.nanoTime() - start) / 1e9;
          best = Math.max(best, 2.0 * m * k * n / seconds);
        }
      }
    }
    return best;
  }
}
