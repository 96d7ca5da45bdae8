package io.podium.models.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.podium.models.ContinuationSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a chat-templated request is tokenized, as the leaderboard's fork does it
 * (lm_eval/api/model.py:335-353 {@code _encode_pair}; lm_eval/models/huggingface.py:266-273 and
 * 861-881 {@code add_bos_token} and {@code tok_encode}), through a real Hugging Face tokenizer.
 */
class ChatTokenizationTest {

  @TempDir
  Path tmp;

  /** Word-level tokenizer with a BOS special token that its post-processor adds. */
  private Path tokenizerJson() throws Exception {
    Path file = tmp.resolve("tokenizer.json");
    Files.writeString(file, """
        {"version": "1.0", "truncation": null, "padding": null,
         "added_tokens": [{"id": 0, "content": "<bos>", "single_word": false, "lstrip": false, "rstrip": false,
                           "normalized": false, "special": true}],
         "normalizer": null,
         "pre_tokenizer": {"type": "WhitespaceSplit"},
         "post_processor": {"type": "TemplateProcessing",
           "single": [{"SpecialToken": {"id": "<bos>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
           "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}],
           "special_tokens": {"<bos>": {"id": "<bos>", "ids": [0], "tokens": ["<bos>"]}}},
         "decoder": null,
         "model": {"type": "WordLevel", "vocab": {"<bos>": 0, "user": 1, "model": 2, "False": 3, "[UNK]": 4},
                   "unk_token": "[UNK]"}}
        """);
    return file;
  }

  @Test
  void aBosWrittenByTheTemplateIsReadAsTheTokenAndAddedAgainOnlyForGemma() throws Exception {
    try (HfTokenizer plain = new HfTokenizer(tokenizerJson(), 0, false);
        HfTokenizer gemma = new HfTokenizer(tokenizerJson(), 0, true)) {
      // The template's text already starts with <bos>: it is that special token, once...
      assertArrayEquals(new int[] {0, 1, 2}, plain.encode("<bos> user model"));
      // ...and twice where the fork sets add_bos_token (the Gemma family), as on the leaderboard.
      assertArrayEquals(new int[] {0, 0, 1, 2}, gemma.encode("<bos> user model"));
    }
  }

  @Test
  void theGemmaFamilyGetsItsBosTokenFromConfigJson() throws Exception {
    for (String type : new String[] {"gemma", "gemma2", "recurrentgemma", "llama", "qwen2"}) {
      Path config = tmp.resolve(type + ".json");
      Files.writeString(config, "{\"model_type\": \"" + type + "\", \"eos_token_id\": 1, \"max_position_embeddings\": 8}");
      assertEquals(type.contains("gemma"), DecoderConfig.read(config).addBosToken(), type);
    }
  }

  @Test
  void theGenerationPromptsTrailingWhitespaceMovesIntoTheContinuation() throws Exception {
    try (HfTokenizer tokenizer = new HfTokenizer(tokenizerJson(), 0, false)) {
      // A chat context ends with the generation prompt ("model\n\n" here, as Llama-3's "<|end_header_id|>\n\n"),
      // and under a chat template the continuation is the bare choice.
      ContinuationSplitter.Split split = ContinuationSplitter.split(tokenizer, "<bos> user model\n\n", "False");
      assertArrayEquals(new int[] {0, 1, 2}, split.context());
      assertArrayEquals(new int[] {3}, split.continuation());
    }
  }
}
