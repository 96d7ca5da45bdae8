package io.podium.leaderboard.page;

import freemarker.cache.ClassTemplateLoader;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.podium.leaderboard.normalize.Normalization;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A snapshot as one self-contained HTML page, explorable as the Open LLM Leaderboard's was:
 * search by model name; filters by type, precision, size, chat template, merges and MoE;
 * column toggles; the ranked models in a table sortable by any column, each score with a bar and
 * the whisker of its 95% interval, statistically tied ranks marked; the average against
 * parameters; the unranked models apart with why; and per model a view of what is known of it,
 * its subtask scores with their n, and its history across snapshots.
 *
 * <p>Self-contained: no network resource of any kind (inline CSS, script and SVG; no fonts or
 * images; a Content-Security-Policy that forbids loading anything), so the file can be mailed,
 * archived or opened offline. The page is the FreeMarker template {@code leaderboard.ftlh} over
 * a {@link BoardView}; its HTML output format escapes every value (model ids are user input).
 */
public final class HtmlPage {

  private static final Configuration FREEMARKER = configuration();

  private HtmlPage() {}

  public static String render(PageData data, Normalization rules) {
    StringWriter out = new StringWriter(65_536);
    try {
      FREEMARKER.getTemplate("leaderboard.ftlh").process(BoardView.of(data, rules), out);
    } catch (IOException e) {
      throw new UncheckedIOException("the page template could not be read from the jar", e);
    } catch (TemplateException e) {
      throw new IllegalStateException("the page template failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_35);
    c.setTemplateLoader(new ClassTemplateLoader(HtmlPage.class, ""));
    c.setDefaultEncoding(StandardCharsets.UTF_8.name());
    c.setLocale(Locale.ROOT);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer"); // numbers as the page's SVG and data attributes need them: 1234.5
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    // The view model's records read as properties (row.id for row.id()). FreeMarker finds records
    // through a Java 16 class of its multi-release jar, which the shaded application jar (no
    // Multi-Release manifest entry) hides; one policy for records and other classes reads them the
    // same either way (FreeMarker refuses two policies when it cannot tell records apart).
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35);
    ZeroArgumentNonVoidMethodPolicy asProperty =
        ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD;
    wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(asProperty);
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(asProperty);
    c.setObjectWrapper(wrapper.build());
    return c;
  }
}
