package io.podium.models.builtin;

import java.util.SplittableRandom;

/**
 * Deterministic random parameters: every parameter is drawn from its own generator, seeded by
 * the model seed and the parameter's name, so a model is the same on every machine and run.
 * LayerNorm gains are 1 and biases 0, as at initialisation.
 */
public final class SeededWeights implements GptWeights {

  private final long seed;
  private final double std;

  public SeededWeights(long seed, double std) {
    this.seed = seed;
    this.std = std;
  }

  @Override
  public float[] get(String name, int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    float[] out = new float[n];
    if (name.endsWith(".g")) {
      java.util.Arrays.fill(out, 1f);
      return out;
    }
    if (name.endsWith(".b")) {
      return out;
    }
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + name.hashCode());
    for (int i = 0; i < n; i++) {
      out[i] = (float) (random.nextGaussian() * std);
    }
    return out;
  }
}
