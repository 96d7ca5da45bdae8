package io.podium.scoring.ifeval.instructions;

import io.podium.scoring.ifeval.Instruction;
import io.podium.scoring.ifeval.InstructionArgs;
import io.podium.scoring.ifeval.text.PyText;
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
      if (!PyText.strip(PyText.rstrip(PyText.lstrip(m.group(), "<"), ">")).isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
