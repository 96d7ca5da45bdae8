package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Pattern;

/**
 * {@code detectable_content:postscript}: the response contains the postscript marker, ignoring
 * case: "P.S." also matches "p. s.", "P.P.S" also matches "p. p. s". As in the reference, the
 * marker may appear anywhere, not only at the end.
 */
public final class Postscript implements Instruction {

  private final Pattern marker;

  public Postscript(InstructionArgs args) {
    String given = PyStr.strip(args.requireString("postscript_marker"));
    String regex = switch (given) {
      case "P.P.S" -> "\\s*p\\.\\s?p\\.\\s?s.*$";
      case "P.S." -> "\\s*p\\.\\s?s\\..*$";
      default -> "\\s*" + PyStr.lower(given) + ".*$";
    };
    marker = PyRegex.compile(regex, Pattern.MULTILINE);
  }

  @Override
  public boolean isFollowedBy(String response) {
    return marker.matcher(PyStr.lower(response)).find();
  }
}
