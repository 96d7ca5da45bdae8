package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyStr;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code detectable_format:title}: a non-blank title in double angular brackets, {@code <<...>>}. */
public final class Title implements Instruction {

  private static final Pattern TITLE = Pattern.compile("<<[^\\n]+>>");

  public Title(InstructionArgs args) {}

  @Override
  public boolean isFollowedBy(String response) {
    Matcher m = TITLE.matcher(response);
    while (m.find()) {
      if (!PyStr.strip(PyStr.rstrip(PyStr.lstrip(m.group(), "<"), ">")).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
