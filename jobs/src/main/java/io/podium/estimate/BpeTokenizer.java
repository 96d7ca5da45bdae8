package io.podium.estimate;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;
import io.podium.models.Tokenizer;

/**
 * OpenAI's cl100k_base or o200k_base byte-pair encoding (jtokkit), a stand-in for a real
 * model's tokenizer where none is given: Llama 3's 128,256-token vocabulary was built from
 * cl100k's. Text is encoded as plain text (special-token strings are not special).
 */
public final class BpeTokenizer implements Tokenizer {

  /** cl100k_base's <|endoftext|>. */
  private static final int CL100K_END_OF_TEXT = 100_257;
  /** o200k_base's <|endoftext|>. */
  private static final int O200K_END_OF_TEXT = 199_999;

  private final Encoding encoding;
  private final int endOfText;
  private final String name;

  private BpeTokenizer(EncodingType type, int endOfText) {
    this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    this.endOfText = endOfText;
    this.name = type.getName();
  }

  /** {@code cl100k_base} or {@code o200k_base}. */
  public static BpeTokenizer named(String name) {
    return switch (name) {
      case "cl100k_base" -> new BpeTokenizer(EncodingType.CL100K_BASE, CL100K_END_OF_TEXT);
      case "o200k_base" -> new BpeTokenizer(EncodingType.O200K_BASE, O200K_END_OF_TEXT);
      default -> throw new IllegalArgumentException("no built-in BPE '" + name + "' (built-in: cl100k_base, o200k_base;"
          + " or give --tokenizer FILE, a model's tokenizer.json)");
    };
  }

  public String name() {
    return name;
  }

  @Override
  public int[] encode(String text) {
    IntArrayList ids = encoding.encodeOrdinary(text);
    int[] out = new int[ids.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(i);
    }
    return out;
  }

  @Override
  public String decode(int[] ids) {
    IntArrayList list = new IntArrayList(ids.length);
    for (int id : ids) {
      list.add(id);
    }
    return encoding.decode(list);
  }

  @Override
  public int eosTokenId() {
    return endOfText;
  }
}
