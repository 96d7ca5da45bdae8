package io.podium.models.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} for a byte-level vocabulary: GPT-2's byte-to-unicode
 * mapping, no merges, token id = byte value, and {@code <|endoftext|>} as id 256. Loaded by the
 * same tokenizer library a real export's tokenizer.json goes through.
 */
public final class ByteLevelTokenizerJson {

  public static final int EOS_ID = 256;
  public static final String EOS = "<|endoftext|>";

  private ByteLevelTokenizerJson() {}

  /** GPT-2's {@code bytes_to_unicode}: the printable character standing for each byte. */
  static char[] byteToUnicode() {
    List<Integer> bs = new ArrayList<>();
    for (int c = '!'; c <= '~'; c++) {
      bs.add(c);
    }
    for (int c = 0xA1; c <= 0xAC; c++) {
      bs.add(c);
    }
    for (int c = 0xAE; c <= 0xFF; c++) {
      bs.add(c);
    }
    char[] map = new char[256];
    for (int b : bs) {
      map[b] = (char) b;
    }
    int n = 0;
    for (int b = 0; b < 256; b++) {
      if (!bs.contains(b)) {
        map[b] = (char) (256 + n++);
      }
    }
    return map;
  }

  public static String json() {
    char[] map = byteToUnicode();
    Map<String, Object> vocab = new LinkedHashMap<>();
    for (int b = 0; b < 256; b++) {
      vocab.put(String.valueOf(map[b]), b);
    }
    Map<String, Object> byteLevel = new LinkedHashMap<>();
    byteLevel.put("type", "ByteLevel");
    byteLevel.put("add_prefix_space", false);
    byteLevel.put("trim_offsets", false);
    byteLevel.put("use_regex", false);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("type", "BPE");
    model.put("dropout", null);
    model.put("unk_token", null);
    model.put("continuing_subword_prefix", null);
    model.put("end_of_word_suffix", null);
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("vocab", vocab);
    model.put("merges", List.of());
    Map<String, Object> eos = new LinkedHashMap<>();
    eos.put("id", EOS_ID);
    eos.put("content", EOS);
    eos.put("single_word", false);
    eos.put("lstrip", false);
    eos.put("rstrip", false);
    eos.put("normalized", false);
    eos.put("special", true);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", "1.0");
    root.put("truncation", null);
    root.put("padding", null);
    root.put("added_tokens", List.of(eos));
    root.put("normalizer", null);
    root.put("pre_tokenizer", byteLevel);
    root.put("post_processor", null);
    root.put("decoder", byteLevel);
    root.put("model", model);
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
