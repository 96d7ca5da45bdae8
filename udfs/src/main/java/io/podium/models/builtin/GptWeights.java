package io.podium.models.builtin;

/** Where a built-in decoder's parameters come from, by parameter name and shape. */
public interface GptWeights {

  /**
   * The parameter's values, row-major. Names: {@code wte} [V,D], {@code wpe} [P,D],
   * {@code h.N.ln_1.g|b}, {@code h.N.attn.q|k|v|o.w} [D,D] and {@code .b} [D],
   * {@code h.N.ln_2.g|b}, {@code h.N.mlp.fc.w} [D,4D], {@code .b}, {@code h.N.mlp.proj.w} [4D,D],
   * {@code .b}, {@code ln_f.g|b}, {@code head} [D,V].
   */
  float[] get(String name, int... shape);
}
