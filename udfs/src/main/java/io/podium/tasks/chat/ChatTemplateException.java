package io.podium.tasks.chat;

/**
 * Any failure to read or render a chat template. When the template itself called
 * {@code raise_exception(msg)}, {@link #raisedMessage()} is {@code msg} verbatim and the message
 * reads {@code template <source> raised: <msg>}, as transformers surfaces jinja2's
 * {@code TemplateError(message)}.
 */
public final class ChatTemplateException extends RuntimeException {
  private final String raisedMessage;

  ChatTemplateException(String message, String raisedMessage, Throwable cause) {
    super(message, cause);
    this.raisedMessage = raisedMessage;
  }

  static ChatTemplateException raised(String source, String msg) {
    return new ChatTemplateException("template " + source + " raised: " + msg, msg, null);
  }

  static ChatTemplateException failed(String source, String what, Throwable cause) {
    return new ChatTemplateException("template " + source + ": " + what, null, cause);
  }

  /** The same failure, its message led by where it happened (e.g. the model and the task). */
  public ChatTemplateException in(String where) {
    return new ChatTemplateException(where + ": " + getMessage(), raisedMessage, getCause());
  }

  /** The argument of the template's {@code raise_exception(...)}, or null for other errors. */
  public String raisedMessage() {
    return raisedMessage;
  }
}
