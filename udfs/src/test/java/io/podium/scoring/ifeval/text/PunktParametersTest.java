package io.podium.scoring.ifeval.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact mode: nltk's punkt_tab format, written here with made-up entries, and its lookup. */
class PunktParametersTest {

  @TempDir Path tmp;

  /** A punkt_tab english folder under {@code root/tokenizers/punkt_tab/english}. */
  private static Path writeModel(Path root) throws IOException {
    Path dir = Files.createDirectories(root.resolve("tokenizers/punkt_tab/english"));
    Files.writeString(dir.resolve("abbrev_types.txt"), "zq\nflib.flob\n");
    Files.writeString(dir.resolve("collocations.tab"), "quux\twibble\n");
    Files.writeString(dir.resolve("sent_starters.txt"), "blorp\n");
    Files.writeString(dir.resolve("ortho_context.tab"), "glim\t32\nwibble\t4\n");
    return dir;
  }

  @Test
  void readsTheFourPunktTabFiles() throws IOException {
    PunktParameters p = PunktParameters.fromPunktTab(writeModel(tmp));
    assertTrue(p.isAbbreviation("zq") && p.isAbbreviation("flib.flob"));
    assertTrue(p.isCollocation("quux", "wibble"));
    assertTrue(p.isSentenceStarter("blorp"));
    assertEquals(32, p.orthoContext("glim"));
    assertEquals(4, p.orthoContext("wibble"));
    assertEquals(0, p.orthoContext("unseen"));
  }

  @Test
  void theLoadedModelDrivesTheSplitter() throws IOException {
    PunktSentenceTokenizer punkt =
        new PunktSentenceTokenizer(PunktParameters.fromPunktTab(writeModel(tmp)));
    // An abbreviation followed by an unknown capitalised word: no break.
    assertEquals(1, punkt.countSentences("The zq. Wibble is here."));
    assertEquals(1, punkt.countSentences("The Flib.Flob. Wibble is here."));
    // ... unless the word is a frequent sentence starter.
    assertEquals(2, punkt.countSentences("The zq. Blorp is here."));
    // A collocation joins words across a period that would otherwise end a sentence.
    assertEquals(1, punkt.countSentences("A quux. Wibble went."));
    assertEquals(2, punkt.countSentences("A quux. Wobble went."));
    // After an initial, a word seen lower-case keeps the break; one never seen does not.
    assertEquals(2, punkt.countSentences("Plan Q. Glim is next."));
    assertEquals(1, punkt.countSentences("Plan Q. Glom is next."));
    // The same texts with Podium's own parameters, which know none of these words.
    PunktSentenceTokenizer builtin = new PunktSentenceTokenizer(PunktParameters.builtinEnglish());
    assertEquals(2, builtin.countSentences("The zq. Wibble is here."));
    assertEquals(1, builtin.countSentences("Plan Q. Glim is next."));
  }

  @Test
  void looksUpNltkDataPathsInNltksOrder() throws IOException {
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    Path model = writeModel(second);
    Files.createDirectories(first);
    String nltkData = first + File.pathSeparator + second;
    assertEquals(model, PunktParameters.findNltkEnglish(null, null, nltkData, null));
    // ~/nltk_data comes after NLTK_DATA.
    Path home = tmp.resolve("home");
    Path homeModel = writeModel(home.resolve("nltk_data"));
    assertEquals(model, PunktParameters.findNltkEnglish(null, null, nltkData, home.toString()));
    assertEquals(homeModel, PunktParameters.findNltkEnglish(null, null, null, home.toString()));
    // PODIUM_PUNKT_DIR names the english folder itself and wins; the property before the
    // environment variable.
    assertEquals(homeModel, PunktParameters.findNltkEnglish(
        homeModel.toString(), model.toString(), nltkData, null));
    assertEquals(model, PunktParameters.findNltkEnglish(" ", model.toString(), null, null));
  }

  @Test
  void anExplicitFolderThatIsNotPunktTabIsAnError() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> PunktParameters.findNltkEnglish(empty.toString(), null, null, null));
    assertTrue(e.getMessage().contains("PODIUM_PUNKT_DIR"), e.getMessage());
  }

  @Test
  void nothingFoundMeansTheBuiltInModelUnlessTheSystemHasOne() {
    Path nowhere = tmp.resolve("nowhere");
    Path found = PunktParameters.findNltkEnglish(null, null, nowhere.toString(),
        nowhere.toString());
    // Only the system-wide folders (/usr/share/nltk_data ...) remain to be found.
    if (found == null) {
      assertNull(found);
    } else {
      assertTrue(found.startsWith("/usr"), found.toString());
    }
    String source = PunktParameters.source();
    assertTrue(source.equals(PunktParameters.BUILTIN_SOURCE)
        || source.startsWith("nltk punkt_tab at "), source);
  }
}
