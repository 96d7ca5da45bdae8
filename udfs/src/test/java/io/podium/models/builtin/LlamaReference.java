package io.podium.models.builtin;

import io.podium.models.onnx.Float16;

/**
 * The Llama architecture's equations in plain Java, in double precision, one sequence at a
 * time, written from Hugging Face's {@code modeling_llama.py} independently of the ONNX graph:
 * the reference {@link LlamaGraph} is checked against.
 */
final class LlamaReference {

  private final LlamaShape s;
  private final GptWeights w;

  LlamaReference(LlamaShape shape, GptWeights weights) {
    this.s = shape;
    this.w = weights;
  }

  /** Logits at every position of {@code tokens} (positions 0, 1, ...), [T][V]. */
  double[][] logits(int[] tokens) {
    int t = tokens.length;
    int d = s.hidden();
    int hd = s.headDim();
    double[] embed = param("embed", s.vocab(), d);
    double[][] x = new double[t][d];
    for (int i = 0; i < t; i++) {
      System.arraycopy(embed, tokens[i] * d, x[i], 0, d);
    }
    for (int l = 0; l < s.layers(); l++) {
      String p = "layers." + l + ".";
      double[][] a = rmsNorm(x, param(p + "input_norm.g", d));
      double[][] q = linear(a, p + "attn.q", d, s.heads() * hd, s.qkvBias());
      double[][] k = linear(a, p + "attn.k", d, s.kvHeads() * hd, s.qkvBias());
      double[][] v = linear(a, p + "attn.v", d, s.kvHeads() * hd, s.qkvBias());
      for (int i = 0; i < t; i++) {
        rope(q[i], s.heads(), i);
        rope(k[i], s.kvHeads(), i);
        if (s.float16()) { // the cache is stored in float16 and read back
          round(k[i]);
          round(v[i]);
        }
      }
      double[][] merged = new double[t][s.heads() * hd];
      for (int h = 0; h < s.heads(); h++) {
        int kvHead = h / s.groups();
        for (int i = 0; i < t; i++) {
          double[] scores = new double[i + 1];
          double max = Double.NEGATIVE_INFINITY;
          for (int j = 0; j <= i; j++) {
            double dot = 0;
            for (int e = 0; e < hd; e++) {
              dot += q[i][h * hd + e] * k[j][kvHead * hd + e];
            }
            scores[j] = dot / Math.sqrt(hd);
            max = Math.max(max, scores[j]);
          }
          double sum = 0;
          for (int j = 0; j <= i; j++) {
            scores[j] = Math.exp(scores[j] - max);
            sum += scores[j];
          }
          for (int j = 0; j <= i; j++) {
            for (int e = 0; e < hd; e++) {
              merged[i][h * hd + e] += scores[j] / sum * v[j][kvHead * hd + e];
            }
          }
        }
      }
      double[][] o = linear(merged, p + "attn.o", s.heads() * hd, d, false);
      double[][] h = add(x, o);
      double[][] m = rmsNorm(h, param(p + "post_norm.g", d));
      double[][] gate = linear(m, p + "mlp.gate", d, s.intermediate(), false);
      double[][] up = linear(m, p + "mlp.up", d, s.intermediate(), false);
      for (int i = 0; i < t; i++) {
        for (int e = 0; e < s.intermediate(); e++) {
          double g = gate[i][e];
          up[i][e] *= g / (1 + Math.exp(-g)); // silu(gate) * up
        }
      }
      x = add(h, linear(up, p + "mlp.down", s.intermediate(), d, false));
    }
    double[][] out = rmsNorm(x, param("norm.g", d));
    double[] head = s.tiedEmbeddings() ? null : param("head", d, s.vocab());
    double[][] logits = new double[t][s.vocab()];
    for (int i = 0; i < t; i++) {
      for (int vv = 0; vv < s.vocab(); vv++) {
        double sum = 0;
        for (int e = 0; e < d; e++) {
          sum += out[i][e] * (head == null ? embed[vv * d + e] : head[e * s.vocab() + vv]);
        }
        logits[i][vv] = s.float16() ? Float16.round((float) sum) : sum;
      }
    }
    return logits;
  }

  /** log-softmax of {@code row} at {@code token}. */
  static double logprob(double[] row, int token) {
    double max = Double.NEGATIVE_INFINITY;
    for (double r : row) {
      max = Math.max(max, r);
    }
    double sum = 0;
    for (double r : row) {
      sum += Math.exp(r - max);
    }
    return row[token] - max - Math.log(sum);
  }

  /** Rotates each head's two halves by the position's angles (HF's rotate_half). */
  private void rope(double[] x, int heads, int position) {
    int hd = s.headDim();
    int half = hd / 2;
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < half; i++) {
        double angle = position / Math.pow(s.ropeTheta(), 2.0 * i / hd);
        double x1 = x[h * hd + i];
        double x2 = x[h * hd + i + half];
        x[h * hd + i] = x1 * Math.cos(angle) - x2 * Math.sin(angle);
        x[h * hd + i + half] = x2 * Math.cos(angle) + x1 * Math.sin(angle);
      }
    }
  }

  private double[][] rmsNorm(double[][] x, double[] gain) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double ms = 0;
      for (double v : x[i]) {
        ms += v * v;
      }
      double inverse = 1 / Math.sqrt(ms / x[i].length + s.rmsEps());
      out[i] = new double[x[i].length];
      for (int e = 0; e < x[i].length; e++) {
        out[i][e] = x[i][e] * inverse * gain[e];
      }
    }
    return out;
  }

  private double[][] linear(double[][] x, String name, int in, int out, boolean bias) {
    double[] weight = param(name + ".w", in, out);
    double[] b = bias ? param(name + ".b", out) : new double[out];
    double[][] y = new double[x.length][out];
    for (int i = 0; i < x.length; i++) {
      for (int o = 0; o < out; o++) {
        double sum = b[o];
        for (int e = 0; e < in; e++) {
          sum += x[i][e] * weight[e * out + o];
        }
        y[i][o] = sum;
      }
    }
    return y;
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int e = 0; e < a[i].length; e++) {
        out[i][e] = a[i][e] + b[i][e];
      }
    }
    return out;
  }

  private double[] param(String name, int... shape) {
    float[] values = w.get(name, shape);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = s.float16() ? Float16.round(values[i]) : values[i];
    }
    return out;
  }

  private static void round(double[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Float16.round((float) x[i]);
    }
  }
}
