package io.podium.scoring.ifeval;

import static io.podium.scoring.ifeval.Check.kwargs;
import static io.podium.scoring.ifeval.Check.loose;
import static io.podium.scoring.ifeval.Check.strict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * detectable_format: number_bullet_lists, constrained_response, number_highlighted_sections,
 * multiple_sections, json_format, title.
 */
class DetectableFormatTest {

  private static final Map<String, Object> NONE = Map.of();

  @Test
  void bulletLists() {
    Map<String, Object> two = kwargs("num_bullets", 2);
    String id = "detectable_format:number_bullet_lists";
    assertTrue(strict(id, two, "* one\n* two"));
    // A "---" rule counts as a dash bullet: three strictly; without the last line, two.
    assertFalse(strict(id, two, "* one\n- two\n---"));
    assertTrue(loose(id, two, "* one\n- two\n---"));
    // A line starting with "**" is bold, not a bullet.
    assertTrue(strict(id, two, "**Bold**\n* one\n* two"));
  }

  @Test
  void constrainedResponse() {
    String id = "detectable_format:constrained_response";
    assertTrue(strict(id, NONE, "I think so. My answer is yes."));
    assertFalse(strict(id, NONE, "my answer is yes"));
  }

  @Test
  void highlightedSections() {
    String id = "detectable_format:number_highlighted_sections";
    assertTrue(strict(id, kwargs("num_highlights", 2), "*one* and *two*"));
    // "**bold**" is one highlight: the single-star pattern only finds the empty "**"s.
    assertFalse(strict(id, kwargs("num_highlights", 2), "just **bold** here"));
    assertTrue(strict(id, kwargs("num_highlights", 1), "just **bold** here"));
  }

  @Test
  void multipleSectionsAreCaseSensitive() {
    Map<String, Object> kw = kwargs("section_spliter", "Section", "num_sections", 2);
    String id = "detectable_format:multiple_sections";
    assertTrue(strict(id, kw, "Section 1\nfoo\nSection 2\nbar"));
    assertFalse(strict(id, kw, "SECTION 1\nfoo\nSECTION 2\nbar"));
  }

  @Test
  void jsonFollowsPythonsJsonLoads() {
    String id = "detectable_format:json_format";
    assertTrue(strict(id, NONE, "```json\n{\"a\": [1, 2.5e3, null]}\n```"));
    assertFalse(strict(id, NONE, "{'a': 1}"));
    assertTrue(strict(id, NONE, "NaN"));
    assertFalse(strict(id, NONE, "[1, 2,]"));
  }

  @Test
  void title() {
    String id = "detectable_format:title";
    assertTrue(strict(id, NONE, "<<My Title>>\nText"));
    assertFalse(strict(id, NONE, "<<  >> text"));
    assertFalse(strict(id, NONE, "<<a\nb>>"));
  }
}
