package io.podium.scoring.ifeval.text;

import com.cybozu.labs.langdetect.Detector;
import com.cybozu.labs.langdetect.DetectorFactory;
import com.cybozu.labs.langdetect.LangDetectException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Python's {@code langdetect.detect}, through the Java library it was ported from (cybozu's
 * language-detection, whose jar carries the same n-gram profiles).
 *
 * <p>The jar has 53 of the Python port's 55 profiles: Catalan ({@code ca}) and Welsh ({@code cy})
 * are missing, so text in those languages is attributed to its nearest neighbour. Detection
 * samples n-grams at random; the seed is fixed so that a response always gets the same answer
 * (Python's {@code langdetect} is unseeded unless {@code DetectorFactory.seed} is set, so the
 * reference itself can flip on borderline text).
 */
public final class LanguageDetection {

  /** The profiles in the langdetect 1.1-20120112 jar, under {@code profiles/}. */
  private static final List<String> PROFILES = List.of(
      "af", "ar", "bg", "bn", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "gu",
      "he", "hi", "hr", "hu", "id", "it", "ja", "kn", "ko", "lt", "lv", "mk", "ml", "mr", "ne",
      "nl", "no", "pa", "pl", "pt", "ro", "ru", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te",
      "th", "tl", "tr", "uk", "ur", "vi", "zh-cn", "zh-tw");

  private static final long SEED = 0L;

  private LanguageDetection() {}

  /**
   * The language code {@code langdetect.detect(text)} returns, or empty where it raises
   * {@code LangDetectException} (text without letters, for instance).
   */
  public static Optional<String> detect(String text) {
    Holder.ensureLoaded();
    try {
      Detector detector = DetectorFactory.create();
      detector.append(text);
      return Optional.of(detector.detect());
    } catch (LangDetectException e) {
      return Optional.empty();
    }
  }

  /** Loads the profiles into langdetect's global factory once, on first use. */
  private static final class Holder {
    static {
      List<String> json = new ArrayList<>(PROFILES.size());
      for (String lang : PROFILES) {
        json.add(read("/profiles/" + lang));
      }
      try {
        DetectorFactory.clear();
        DetectorFactory.loadProfile(json);
        DetectorFactory.setSeed(SEED);
      } catch (LangDetectException e) {
        throw new IllegalStateException("langdetect profiles did not load", e);
      }
    }

    static void ensureLoaded() {
      // Class initialisation above runs once, thread-safely.
    }

    private static String read(String resource) {
      try (InputStream in = LanguageDetection.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing langdetect profile " + resource);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
