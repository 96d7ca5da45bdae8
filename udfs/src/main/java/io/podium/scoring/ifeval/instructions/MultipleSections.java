package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Pattern;

/**
 * {@code detectable_format:multiple_sections}: at least {@code num_sections} section headers, a
 * header being the splitter word followed by a number ("SECTION 1", "Section2"); case-sensitive,
 * and anywhere in a line.
 */
public final class MultipleSections implements Instruction {

  private final Pattern header;
  private final int sections;

  public MultipleSections(InstructionArgs args) {
    String splitter = PyStr.strip(args.requireString("section_spliter"));
    header = PyRegex.compile("\\s?" + splitter + "\\s?\\d+\\s?");
    sections = args.requireCount("num_sections");
  }

  @Override
  public boolean isFollowedBy(String response) {
    // len(re.split(pattern, response)) - 1: one piece per header, plus its captured groups.
    int headers = PyRegex.countMatches(header, response);
    int found = headers * (1 + header.matcher("").groupCount());
    return found >= sections;
  }
}
