package io.podium.models;

/** Text to token ids and back, without special tokens added. */
public interface Tokenizer {

  int[] encode(String text);

  String decode(int[] ids);

  /** The end-of-text token, used as context when a context is empty (as the harness does). */
  int eosTokenId();
}
