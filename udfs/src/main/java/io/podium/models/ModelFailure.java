package io.podium.models;

/**
 * A model call that failed, said in one line: what failed and where (the model, its endpoint or
 * file, the request), then the fix. Serializable, so a task's failure reaches the driver as
 * itself and the command prints its message, not Spark's wrapping of it.
 */
public class ModelFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final int request;
  private final String fix;

  /**
   * @param what what failed and where, in one line
   * @param request the index, in the list the model was given, of the request it failed on; -1
   *     when the failure is no one request's
   * @param fix what to do about it, or null
   */
  public ModelFailure(String what, int request, String fix) {
    this(what, request, fix, null);
  }

  public ModelFailure(String what, int request, String fix, Throwable cause) {
    super(what + (fix == null ? "" : ". Fix: " + fix), cause);
    this.what = what;
    this.request = request;
    this.fix = fix;
  }

  public String what() {
    return what;
  }

  /** The index of the request it failed on in the model's list, or -1. */
  public int request() {
    return request;
  }

  /** What to do about it, or null. */
  public String fix() {
    return fix;
  }

  /**
   * The message to show for a failure the driver got: the outermost ModelFailure's, else the
   * innermost exception's (a task's own error, not Spark's wrapping of it).
   */
  public static String messageOf(Throwable e) {
    Throwable innermost = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ModelFailure) {
        return t.getMessage();
      }
      innermost = t;
    }
    return innermost.getMessage() != null ? innermost.getMessage() : innermost.toString();
  }
}
