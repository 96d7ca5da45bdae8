package io.podium.tasks.chat;

import java.io.Serializable;
import java.util.Objects;

/**
 * One turn of a conversation, as the {@code {"role": ..., "content": ...}} dicts that
 * transformers' {@code apply_chat_template(conversation, ...)} takes.
 */
public record ChatMessage(String role, String content) implements Serializable {
  public ChatMessage {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(content, "content");
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }

  public static ChatMessage assistant(String content) {
    return new ChatMessage("assistant", content);
  }
}
