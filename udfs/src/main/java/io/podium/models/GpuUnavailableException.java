package io.podium.models;

/**
 * A model was to run on a GPU and ONNX Runtime's CUDA execution provider could not be loaded
 * (the CPU build of ONNX Runtime, or no CUDA libraries). Running on the CPU instead would be
 * tens of times slower without anyone seeing it, so it is an error unless the CPU is allowed.
 */
public final class GpuUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int cudaDevice;

  public GpuUnavailableException(int cudaDevice, String reason, Throwable cause) {
    super("the CUDA execution provider cannot be loaded for GPU " + cudaDevice + " (" + reason + ")", cause);
    this.cudaDevice = cudaDevice;
  }

  public int cudaDevice() {
    return cudaDevice;
  }
}
