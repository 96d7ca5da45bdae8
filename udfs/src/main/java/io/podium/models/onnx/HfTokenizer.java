package io.podium.models.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.podium.models.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json}, through the tokenizers library (DJL's binding of the
 * Rust crate), offline: nothing is downloaded. Special tokens written in the text (a chat
 * template's {@code <|begin_of_text|>}) are always read as those tokens; the tokenizer's own
 * special tokens (its post-processor's BOS) are added only when {@code addSpecialTokens} is
 * set, as the harness's {@code tok_encode(add_special_tokens=add_bos_token)} does.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;
  private final int eos;
  private final boolean addSpecialTokens;

  public HfTokenizer(Path tokenizerJson, int eosTokenId) throws IOException {
    this(tokenizerJson, eosTokenId, false);
  }

  public HfTokenizer(Path tokenizerJson, int eosTokenId, boolean addSpecialTokens) throws IOException {
    System.setProperty("ai.djl.offline", "true");
    if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
      System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("java.io.tmpdir"), "podium-djl").toString());
    }
    this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
        Map.of("addSpecialTokens", "false", "modelMaxLength", "1000000000", "maxLength", "1000000000"));
    this.eos = eosTokenId;
    this.addSpecialTokens = addSpecialTokens;
  }

  @Override
  public int[] encode(String text) {
    Encoding encoding = tokenizer.encode(text, addSpecialTokens, false);
    long[] ids = encoding.getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = (int) ids[i];
    }
    return out;
  }

  @Override
  public String decode(int[] ids) {
    long[] longs = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      longs[i] = ids[i];
    }
    return tokenizer.decode(longs, false);
  }

  @Override
  public int eosTokenId() {
    return eos;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
