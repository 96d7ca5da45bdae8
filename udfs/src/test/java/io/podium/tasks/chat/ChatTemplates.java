package io.podium.tasks.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real templates under {@code src/test/resources/chat-templates/} (see the README there). */
final class ChatTemplates {
  private ChatTemplates() {}

  static final List<String> MODELS = List.of("Meta-Llama-3-8B-Instruct", "Meta-Llama-3.1-8B-Instruct",
      "Qwen2.5-7B-Instruct", "Mistral-7B-Instruct-v0.3", "gemma-2-9b-it");

  static String configJson(String model) {
    String path = "/chat-templates/" + model + ".tokenizer_config.json";
    try (InputStream in = ChatTemplates.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ChatTemplate load(String model) {
    return ChatTemplate.fromTokenizerConfig(configJson(model), model);
  }
}
