package io.podium.estimate;

import java.util.Locale;

/** Dense bfloat16 tensor-core peaks (NVIDIA's data sheets, without sparsity). */
public enum GpuPeak {
  H100(989.4e12, "H100 SXM"),
  H200(989.4e12, "H200 SXM"),
  A100(312e12, "A100 SXM");

  private final double flops;
  private final String label;

  GpuPeak(double flops, String label) {
    this.flops = flops;
    this.label = label;
  }

  public double flops() {
    return flops;
  }

  public String label() {
    return label;
  }

  public static GpuPeak named(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--gpu '" + name + "' is not one of h100, h200, a100");
    }
  }
}
