package io.podium.estimate;

/**
 * The Open LLM Leaderboard's CO2 formula (huggingface.co/docs/leaderboards, "C02 calculation"):
 * 8 H100 SXM GPUs drawing 5.6 kW together, for the evaluation's wall time, at Northern
 * Virginia's 269.8 g CO2 per kWh. Per GPU-hour: 0.7 kWh, 0.189 kg.
 */
public final class Emissions {

  static final double NODE_KW = 5.6;
  static final double GPUS_PER_NODE = 8;
  static final double GRAMS_PER_KWH = 269.8;

  private Emissions() {}

  /** kg of CO2 for {@code gpuHours} by the leaderboard's formula. */
  public static double kilograms(double gpuHours) {
    return gpuHours * NODE_KW / GPUS_PER_NODE * GRAMS_PER_KWH / 1000;
  }

  /** The GPU-hours a published figure stands for (its node-hours x 8). */
  public static double gpuHours(double kilograms) {
    return kilograms * 1000 / GRAMS_PER_KWH / NODE_KW * GPUS_PER_NODE;
  }
}
