package io.podium.models.sphinx;

import edu.cmu.sphinx.linguist.WordSequence;
import edu.cmu.sphinx.linguist.acoustic.UnitManager;
import edu.cmu.sphinx.linguist.dictionary.Pronunciation;
import edu.cmu.sphinx.linguist.dictionary.TextDictionary;
import edu.cmu.sphinx.linguist.dictionary.Word;
import edu.cmu.sphinx.linguist.language.ngram.trie.NgramTrieModel;
import edu.cmu.sphinx.util.LogMath;
import io.podium.models.GenerationRequest;
import io.podium.models.GenerationResult;
import io.podium.models.LanguageModel;
import io.podium.models.LoglikelihoodRequest;
import io.podium.models.LoglikelihoodResult;
import io.podium.models.StopSequences;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real pretrained English language model that needs no download: the CMU Sphinx en-us word
 * trigram model (BSD licence, shipped in {@code sphinx4-data}), read with {@code sphinx4-core}.
 *
 * <p>Its limits, which make it a baseline rather than an LLM: it is word level (a "token" is a
 * word), knows lowercase words only and no digits or punctuation (text is lowercased and
 * reduced to its words, so " (A)" scores as the word "a"), sees at most the two previous words,
 * and gives words outside its 72,547-word vocabulary a fixed log-probability of
 * {@value #OOV_LOGPROB}. Greedy generation and is_greedy consider the {@value #CANDIDATES} most
 * frequent words only (a full argmax costs 0.2 s per word). It is thread-safe.
 */
public final class SphinxTrigramModel implements LanguageModel {

  static final float OOV_LOGPROB = -20f;
  static final int CANDIDATES = 2000;
  private static final String ROOT = "/edu/cmu/sphinx/models/en-us/";
  private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)*");
  private static final Pronunciation[] NONE = new Pronunciation[0];

  private final String name;
  private final NgramTrieModel lm;
  private final LogMath logMath = LogMath.getLogMath();
  private final java.util.Set<String> vocabulary;
  private final List<String> candidates;

  public SphinxTrigramModel(String name) throws IOException {
    this.name = name;
    Logger.getLogger("edu.cmu.sphinx").setLevel(Level.WARNING);
    URL dictionary = resource("cmudict-en-us.dict");
    TextDictionary dict = new TextDictionary(dictionary, resource("en-us/noisedict"), null, null, new UnitManager());
    dict.allocate();
    this.lm = new NgramTrieModel("", resource("en-us.lm.bin"), null, 100_000, false, 3, dict, false, 1f, 1.0, 1f);
    lm.allocate();
    this.vocabulary = lm.getVocabulary();
    List<String> words = new ArrayList<>();
    for (String w : vocabulary) {
      if (WORD.matcher(w).matches()) {
        words.add(w);
      }
    }
    // The most frequent words, by unigram probability.
    words.sort(Comparator.comparingDouble((String w) -> -unigram(w)));
    this.candidates = List.copyOf(words.subList(0, Math.min(CANDIDATES, words.size())));
  }

  private static URL resource(String path) throws IOException {
    URL url = SphinxTrigramModel.class.getResource(ROOT + path);
    if (url == null) {
      throw new IOException("sphinx4-data is not on the classpath (missing " + ROOT + path + ")");
    }
    return url;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String device() {
    return "cpu";
  }

  /** The words of a text as the model sees them. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private double unigram(String w) {
    return lnProbability(List.of(w));
  }

  /** ln P(last word | up to two previous), with OOV words as a fixed penalty. */
  private synchronized double lnProbability(List<String> sequence) {
    String word = sequence.get(sequence.size() - 1);
    if (!vocabulary.contains(word)) {
      return OOV_LOGPROB;
    }
    List<Word> history = new ArrayList<>();
    for (int i = Math.max(0, sequence.size() - 3); i < sequence.size(); i++) {
      String w = sequence.get(i);
      if (!vocabulary.contains(w)) {
        history.clear(); // an unknown word breaks the history
        continue;
      }
      history.add(new Word(w, NONE, false));
    }
    return logMath.logToLn(lm.getProbability(new WordSequence(history)));
  }

  @Override
  public List<LoglikelihoodResult> loglikelihood(List<LoglikelihoodRequest> requests) {
    List<LoglikelihoodResult> out = new ArrayList<>(requests.size());
    for (LoglikelihoodRequest r : requests) {
      List<String> context = words(r.context());
      List<String> all = words(r.context() + r.continuation());
      int split = commonPrefix(context, all);
      List<String> sequence = new ArrayList<>();
      sequence.add("<s>");
      sequence.addAll(all);
      float[] logprobs = new float[all.size() - split];
      boolean greedy = true;
      double sum = 0;
      for (int i = split; i < all.size(); i++) {
        List<String> upTo = sequence.subList(0, i + 2);
        double lp = lnProbability(upTo);
        logprobs[i - split] = (float) lp;
        sum += lp;
        greedy &= all.get(i).equals(argmax(upTo.subList(0, upTo.size() - 1)));
      }
      out.add(new LoglikelihoodResult(sum, greedy && logprobs.length > 0, logprobs.length, logprobs, split));
    }
    return out;
  }

  private static int commonPrefix(List<String> context, List<String> all) {
    int n = 0;
    while (n < context.size() && n < all.size() && context.get(n).equals(all.get(n))) {
      n++;
    }
    // A last context word that the continuation extends ("answ" + "er") belongs to the continuation.
    return n;
  }

  private String argmax(List<String> history) {
    String best = null;
    double bestLp = Double.NEGATIVE_INFINITY;
    List<String> probe = new ArrayList<>(history.subList(Math.max(0, history.size() - 2), history.size()));
    probe.add("");
    for (String c : candidates) {
      probe.set(probe.size() - 1, c);
      double lp = lnProbability(probe);
      if (lp > bestLp) {
        bestLp = lp;
        best = c;
      }
    }
    return best;
  }

  @Override
  public List<GenerationResult> generate(List<GenerationRequest> requests) {
    List<GenerationResult> out = new ArrayList<>(requests.size());
    for (GenerationRequest r : requests) {
      List<String> history = new ArrayList<>();
      history.add("<s>");
      history.addAll(words(r.context()));
      StringBuilder text = new StringBuilder();
      int generated = 0;
      String stop = "max_gen_toks";
      while (generated < r.maxGenToks()) {
        String next = argmax(history);
        if (next == null || next.equals("</s>")) {
          stop = "<eos>";
          break;
        }
        text.append(' ').append(next);
        history.add(next);
        generated++;
        if (StopSequences.reached(text, r.until())) {
          StopSequences.Cut cut = StopSequences.cut(text.toString(), r.until());
          stop = cut.stop();
          text.setLength(cut.text().length());
          break;
        }
      }
      out.add(new GenerationResult(text.toString(), generated, stop, history.size()));
    }
    return out;
  }

  @Override
  public void close() {
    try {
      lm.deallocate();
    } catch (IOException e) {
      // nothing held but memory
    }
  }
}
