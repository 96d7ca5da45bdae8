package io.podium.tasks;

/** A benchmark record that does not fit its task definition; the message is the reject reason. */
public final class InvalidDocException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidDocException(String reason) {
    super(reason);
  }
}
