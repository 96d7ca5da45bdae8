package io.podium.tasks.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders checked without Python: strings derived by reading the templates. */
class ChatTemplateTest {
  private static final ChatTemplate LLAMA3 = ChatTemplates.load("Meta-Llama-3-8B-Instruct");

  @Test
  void llama3SystemAndUser() {
    String out = LLAMA3.render(List.of(ChatMessage.system("You are terse."), ChatMessage.user("  Hi!\n")), true);
    assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nYou are terse.<|eot_id|>"
        + "<|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>"
        + "<|start_header_id|>assistant<|end_header_id|>\n\n", out);
  }

  @Test
  void llama3MultiturnWithoutGenerationPrompt() {
    String out = LLAMA3.render(List.of(ChatMessage.user("2+2?"), ChatMessage.assistant(" 4 "),
        ChatMessage.user("3+3?")), false);
    assertEquals("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n2+2?<|eot_id|>"
        + "<|start_header_id|>assistant<|end_header_id|>\n\n4<|eot_id|>"
        + "<|start_header_id|>user<|end_header_id|>\n\n3+3?<|eot_id|>", out);
  }

  @Test
  void llama31DefaultSystemHeader() {
    String out = ChatTemplates.load("Meta-Llama-3.1-8B-Instruct").render(List.of(ChatMessage.user("Hello")), true);
    assertEquals("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
        + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n<|eot_id|>"
        + "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>"
        + "<|start_header_id|>assistant<|end_header_id|>\n\n", out);
  }

  @Test
  void contentIsInsertedVerbatimNeverReinterpreted() {
    String content = "{{ x }} and {% if true %}yes{% endif %} and {# c #} {{ bos_token }}";
    String out = LLAMA3.render(List.of(ChatMessage.user(content)), false);
    assertEquals("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n" + content + "<|eot_id|>", out);
  }

  @Test
  void gemmaRefusesSystemRole() {
    ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> ChatTemplates.load("gemma-2-9b-it")
        .render(List.of(ChatMessage.system("s"), ChatMessage.user("u")), true));
    assertEquals("System role not supported", e.raisedMessage());
    assertTrue(e.getMessage().contains("gemma-2-9b-it") && e.getMessage().contains("System role not supported"),
        e.getMessage());
  }

  @Test
  void mistralRaisesOnNonAlternatingRoles() {
    ChatTemplateException e = assertThrows(ChatTemplateException.class, () -> ChatTemplates
        .load("Mistral-7B-Instruct-v0.3").render(List.of(ChatMessage.user("a"), ChatMessage.user("b")), true));
    assertEquals("After the optional system message, conversation roles must alternate"
        + " user/assistant/user/assistant/...", e.raisedMessage());
  }

  @Test
  void exactlyOneTrailingNewlineOfTheTemplateIsDropped() {
    ChatTemplate t = ChatTemplate.of("{{ messages[0]['content'] }}\n\n", "nl", Map.of());
    assertEquals("x\n", t.render(List.of(ChatMessage.user("x")), true));
    ChatTemplate one = ChatTemplate.of("{{ messages[0]['content'] }}\r\n", "crlf", Map.of());
    assertEquals("x", one.render(List.of(ChatMessage.user("x")), true));
    // A newline the template prints (not its source's last char) is kept.
    ChatTemplate printed = ChatTemplate.of("{{ messages[0]['content'] + '\\n' }}", "printed", Map.of());
    assertEquals("x\n", printed.render(List.of(ChatMessage.user("x")), true));
  }

  @Test
  void tokenizerConfigReading() {
    String json = "{\"chat_template\": [{\"name\": \"tool_use\", \"template\": \"T\"},"
        + " {\"name\": \"default\", \"template\": \"{{ bos_token }}D{{ eos_token }}\"}],"
        + " \"bos_token\": {\"__type\": \"AddedToken\", \"content\": \"<s>\"}, \"eos_token\": \"</s>\", \"pad_token\": null}";
    ChatTemplate t = ChatTemplate.fromTokenizerConfig(json, "cfg");
    assertEquals("<s>D</s>", t.render(List.of(ChatMessage.user("u")), true));
    assertEquals("<s>", t.bosToken().orElseThrow());
    assertEquals(40, t.sha1().length());
    ChatTemplateException e = assertThrows(ChatTemplateException.class,
        () -> ChatTemplate.fromTokenizerConfig("{\"bos_token\": \"<s>\"}", "models/foo"));
    assertTrue(e.getMessage().contains("models/foo"), e.getMessage());
  }

  @Test
  void serializableAndRendersAfterwards() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(LLAMA3);
    }
    ChatTemplate back;
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      back = (ChatTemplate) in.readObject();
    }
    assertEquals(LLAMA3.sha1(), back.sha1());
    assertEquals(LLAMA3.render(List.of(ChatMessage.user("q")), true), back.render(List.of(ChatMessage.user("q")), true));
  }
}
