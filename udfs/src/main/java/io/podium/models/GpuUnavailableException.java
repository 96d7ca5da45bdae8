package io.podium.models;

/**
 * A model was to run on a GPU and ONNX Runtime's CUDA execution provider could not be loaded
 * (the CPU build of ONNX Runtime, or no CUDA libraries). Running on the CPU instead would be
 * tens of times slower without anyone seeing it, so it is an error unless the CPU is allowed.
 */
public final class GpuUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int cudaDevice;
  private final boolean cudaBuild;

  /**
   * @param cudaBuild whether ONNX Runtime's CUDA build (onnxruntime_gpu) is the one loaded: then
   *     CUDA's own libraries are what is missing, not the build
   */
  public GpuUnavailableException(int cudaDevice, boolean cudaBuild, String reason, Throwable cause) {
    super("the CUDA execution provider cannot be loaded for GPU " + cudaDevice + " (" + reason + ")", cause);
    this.cudaDevice = cudaDevice;
    this.cudaBuild = cudaBuild;
  }

  public int cudaDevice() {
    return cudaDevice;
  }

  /** What makes the GPU usable, for the build that is loaded. */
  public String fix() {
    return fix(cudaBuild);
  }

  /** What makes the GPU usable with ONNX Runtime's CUDA build loaded, or with its CPU build. */
  public static String fix(boolean cudaBuild) {
    return cudaBuild
        ? "install CUDA 12 and cuDNN 9 on the executor where ONNX Runtime finds them (LD_LIBRARY_PATH): "
            + "this is ONNX Runtime's CUDA build, and its CUDA libraries are missing"
        : "run the GPU build of Podium on GPU executors (mvn -Pgpu package: onnxruntime_gpu with CUDA 12)";
  }
}
