package io.podium.scoring.ifeval.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * What a trained Punkt model knows: abbreviation types, collocations (word pairs around a period
 * that is not a break), frequent sentence starters, and the orthographic context of word types
 * (bit flags: seen upper/lower case at the beginning, in the middle, or at an unknown position of
 * a sentence).
 *
 * <p>IFEval counts sentences with nltk's pre-trained English model ({@code punkt_tab/english},
 * trained on Wall Street Journal text). Podium does not ship that model. {@link #english()} uses
 * it when it is installed on the machine (<em>exact mode</em>), and otherwise Podium's own
 * parameters, {@link #builtinEnglish()}, which only <em>approximate</em> nltk's model:
 *
 * <ul>
 *   <li>abbreviations: about 120 common English abbreviations written from general knowledge
 *       of English (titles, months, Latin and scholarly abbreviations, units, company suffixes,
 *       U.S. state abbreviations that are not also words, dotted acronyms), and by rule every
 *       dotted initialism, single letters joined by periods ("J.K.", "U.S.A.", "e.g.");
 *   <li>sentence starters: English function words (articles, pronouns, conjunctions, common
 *       sentence adverbs), which after an abbreviation with a capital letter begin a new sentence;
 *   <li>orthographic context: by rule, every function word of that list is known to occur
 *       lower-case in the middle of a sentence and capitalised at its start (the pronoun I:
 *       capitalised in both places); every other word counts as never seen (nltk's model knows
 *       about 17,000 words);
 *   <li>no collocations.
 * </ul>
 *
 * <p>The parameters only matter at a period after a token that is, or might be, an abbreviation,
 * an initial or a number; elsewhere every {@code . ? !} ends a sentence with any model. Where they
 * matter the two models can disagree, and then {@code length_constraints:number_sentences} and
 * {@code change_case:capital_word_frequency} can count differently from the reference.
 * {@link #source()} says which model is in use. Measured on the GPT-4 and Llama-3.1-8B response
 * files of shared/data/ifeval (3,336 strict and loose verdicts), the approximation changes one
 * verdict (see IfEvalReferenceDataTest); the splitter itself follows nltk 3.8, so with nltk's
 * model every verdict is the reference's.
 *
 * <p>Exact mode looks for nltk's English folder ({@code abbrev_types.txt}, {@code
 * collocations.tab}, {@code sent_starters.txt}, {@code ortho_context.tab}) at the system property
 * or environment variable {@code PODIUM_PUNKT_DIR} (the {@code english} folder itself), then at
 * {@code tokenizers/punkt_tab/english} under each directory of {@code NLTK_DATA} (a path list),
 * {@code ~/nltk_data}, {@code /usr/share/nltk_data}, {@code /usr/local/share/nltk_data},
 * {@code /usr/lib/nltk_data} and {@code /usr/local/lib/nltk_data}, as nltk searches.
 */
public final class PunktParameters {

  private static final Logger LOG = Logger.getLogger(PunktParameters.class.getName());

  /** System property and environment variable naming a punkt_tab {@code english} folder. */
  public static final String DIR_SETTING = "PODIUM_PUNKT_DIR";

  /** {@link #source()} when no nltk model is installed. */
  public static final String BUILTIN_SOURCE = "podium built-in English approximation";

  static final int ORTHO_BEG_UC = 1 << 1;
  static final int ORTHO_MID_UC = 1 << 2;
  static final int ORTHO_MID_LC = 1 << 5;

  /** Single letters joined by periods, as a type without its final period: "j.k", "u.s.a". */
  private static final Pattern DOTTED_INITIALISM = Pattern.compile("\\p{L}(?:\\.\\p{L})+");

  private final Set<String> abbreviations;
  private final Set<String> collocations;
  private final Set<String> sentenceStarters;
  private final Map<String, Integer> orthoContext;
  /** Types that are abbreviations by their form, beyond the listed ones; null for none. */
  private final Pattern abbreviationPattern;

  /** A trained model's parameters: a word outside {@code orthoContext} counts as never seen. */
  public PunktParameters(Set<String> abbreviations, Set<String> collocations,
      Set<String> sentenceStarters, Map<String, Integer> orthoContext) {
    this(abbreviations, collocations, sentenceStarters, orthoContext, null);
  }

  private PunktParameters(Set<String> abbreviations, Set<String> collocations,
      Set<String> sentenceStarters, Map<String, Integer> orthoContext,
      Pattern abbreviationPattern) {
    this.abbreviations = Set.copyOf(abbreviations);
    this.collocations = Set.copyOf(collocations);
    this.sentenceStarters = Set.copyOf(sentenceStarters);
    this.orthoContext = Map.copyOf(orthoContext);
    this.abbreviationPattern = abbreviationPattern;
  }

  private record Loaded(PunktParameters params, String source) {}

  private static final class Default {
    static final Loaded ENGLISH = loadDefault();
  }

  /**
   * The English parameters IFEval scoring uses: nltk's model when installed (see the class
   * comment), otherwise {@link #builtinEnglish()}. Resolved once; the choice is logged.
   */
  public static PunktParameters english() {
    return Default.ENGLISH.params;
  }

  /**
   * Which sentence model {@link #english()} is: {@code "nltk punkt_tab at PATH"} or
   * {@value #BUILTIN_SOURCE}.
   */
  public static String source() {
    return Default.ENGLISH.source;
  }

  private static Loaded loadDefault() {
    Path dir = findNltkEnglish(System.getProperty(DIR_SETTING), System.getenv(DIR_SETTING),
        System.getenv("NLTK_DATA"), System.getProperty("user.home"));
    Loaded loaded;
    if (dir != null) {
      loaded = new Loaded(fromPunktTab(dir), "nltk punkt_tab at " + dir);
    } else {
      loaded = new Loaded(builtinEnglish(), BUILTIN_SOURCE);
    }
    LOG.info("IFEval sentence splitting (Punkt) uses " + loaded.source);
    return loaded;
  }

  /**
   * The punkt_tab English folder to use, or null: {@code explicitProperty}, else
   * {@code explicitEnv} (each the folder itself; an explicit setting that is not a punkt_tab
   * folder is an error), else the first {@code tokenizers/punkt_tab/english} under nltk's search
   * path.
   */
  static Path findNltkEnglish(String explicitProperty, String explicitEnv, String nltkData,
      String home) {
    for (String explicit : new String[] {explicitProperty, explicitEnv}) {
      if (explicit != null && !explicit.isBlank()) {
        Path dir = Path.of(explicit);
        if (!isPunktTab(dir)) {
          throw new IllegalStateException(DIR_SETTING + "=" + explicit
              + " is not a punkt_tab folder (abbrev_types.txt, collocations.tab,"
              + " sent_starters.txt, ortho_context.tab)");
        }
        return dir;
      }
    }
    List<String> roots = new ArrayList<>();
    if (nltkData != null) {
      for (String root : nltkData.split(java.io.File.pathSeparator)) {
        if (!root.isBlank()) {
          roots.add(root);
        }
      }
    }
    if (home != null) {
      roots.add(home + "/nltk_data");
    }
    roots.addAll(List.of("/usr/share/nltk_data", "/usr/local/share/nltk_data",
        "/usr/lib/nltk_data", "/usr/local/lib/nltk_data"));
    for (String root : roots) {
      Path dir = Path.of(root, "tokenizers", "punkt_tab", "english");
      if (isPunktTab(dir)) {
        return dir;
      }
    }
    return null;
  }

  private static boolean isPunktTab(Path dir) {
    return Files.isRegularFile(dir.resolve("abbrev_types.txt"))
        && Files.isRegularFile(dir.resolve("collocations.tab"))
        && Files.isRegularFile(dir.resolve("sent_starters.txt"))
        && Files.isRegularFile(dir.resolve("ortho_context.tab"));
  }

  /**
   * Reads a model in nltk's punkt_tab format: {@code abbrev_types.txt} and {@code
   * sent_starters.txt} one type a line, {@code collocations.tab} two tab-separated types a line,
   * {@code ortho_context.tab} a type, a tab and its flags a line.
   */
  public static PunktParameters fromPunktTab(Path dir) {
    Set<String> abbreviations = new HashSet<>();
    Set<String> collocations = new HashSet<>();
    Set<String> starters = new HashSet<>();
    Map<String, Integer> ortho = new HashMap<>();
    try {
      for (String line : lines(dir.resolve("abbrev_types.txt"))) {
        abbreviations.add(line);
      }
      for (String line : lines(dir.resolve("collocations.tab"))) {
        collocations.add(line);
      }
      for (String line : lines(dir.resolve("sent_starters.txt"))) {
        starters.add(line);
      }
      for (String line : lines(dir.resolve("ortho_context.tab"))) {
        int tab = line.lastIndexOf('\t');
        if (tab < 0) {
          throw new IllegalStateException("no tab in ortho_context.tab line: " + line);
        }
        ortho.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PunktParameters(abbreviations, collocations, starters, ortho);
  }

  private static List<String> lines(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      // nltk strips the line ending only; blank lines carry nothing.
      String entry = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (!entry.isBlank()) {
        out.add(entry);
      }
    }
    return out;
  }

  /**
   * Podium's own English parameters (see the class comment): written for Podium from general
   * knowledge of English, not taken from any trained model.
   */
  public static PunktParameters builtinEnglish() {
    Set<String> abbreviations = new HashSet<>(List.of(
        // personal and professional titles
        "mr", "mrs", "ms", "messrs", "dr", "prof", "rev", "fr", "st", "jr", "sr", "hon",
        "gen", "col", "maj", "capt", "cmdr", "lt", "sgt", "adm", "gov", "sen", "rep", "pres",
        // months (May is a word)
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        // Latin and scholarly
        "e.g", "i.e", "etc", "vs", "viz", "cf", "al", "ca", "approx", "ed", "eds", "vol",
        "vols", "pp", "fig", "figs", "no", "nos", "ch", "ibid", "op", "cit",
        // dotted acronyms and degrees
        "a.m", "p.m", "u.s", "u.s.a", "u.k", "u.n", "d.c", "ph.d", "m.d", "b.a", "m.a",
        "b.sc", "m.sc",
        // organisations and addresses
        "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "ave", "blvd", "rd",
        // units
        "ft", "lb", "lbs", "oz", "hr", "hrs", "mins", "sq", "mt",
        // U.S. states whose abbreviation is not also an English word
        "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "ky", "md", "mich",
        "minn", "mont", "neb", "nev", "okla", "pa", "tenn", "tex", "va", "vt", "wis", "wyo",
        "n.y", "n.j", "n.c", "n.h", "n.m", "s.c", "r.i"));
    Set<String> functionWords = new HashSet<>(List.of(
        // articles, demonstratives, determiners
        "the", "a", "an", "this", "that", "these", "those", "some", "many", "most", "each",
        "every", "all", "both", "such",
        // pronouns and possessives
        "i", "you", "he", "she", "it", "we", "they", "my", "your", "his", "her", "its", "our",
        "their", "there", "here",
        // conjunctions and subordinators
        "and", "but", "or", "so", "yet", "if", "when", "while", "although", "though",
        "because", "since", "as", "after", "before", "once", "unless",
        // prepositions that open sentences
        "in", "on", "at", "for", "with", "by", "from", "to", "of", "during",
        // question words
        "what", "which", "who", "how", "why", "where",
        // sentence adverbs
        "however", "also", "then", "thus", "therefore", "moreover", "furthermore",
        "additionally", "finally", "meanwhile", "instead", "still", "overall", "today"));
    Map<String, Integer> ortho = new HashMap<>();
    for (String word : functionWords) {
      ortho.put(word, ORTHO_BEG_UC | ORTHO_MID_LC);
    }
    // The pronoun I is capitalised everywhere.
    ortho.put("i", ORTHO_BEG_UC | ORTHO_MID_UC);
    return new PunktParameters(abbreviations, Set.of(), functionWords, ortho, DOTTED_INITIALISM);
  }

  boolean isAbbreviation(String type) {
    return abbreviations.contains(type)
        || (abbreviationPattern != null && abbreviationPattern.matcher(type).matches());
  }

  boolean isCollocation(String first, String second) {
    return collocations.contains(first + "\t" + second);
  }

  boolean isSentenceStarter(String type) {
    return sentenceStarters.contains(type);
  }

  int orthoContext(String type) {
    return orthoContext.getOrDefault(type, 0);
  }
}
