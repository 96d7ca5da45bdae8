package io.podium.scoring.ifeval.instructions;

import io.podium.python.PyRegex;
import io.podium.scoring.ifeval.instructions.Instruction;
import io.podium.scoring.ifeval.instructions.InstructionArgs;
import java.util.regex.Pattern;

/**
 * {@code detectable_format:number_bullet_lists}: exactly {@code num_bullets} markdown bullet lines,
 * starting with {@code * } or {@code -} (so a {@code ---} rule counts too, and {@code **bold**}
 * lines do not).
 */
public final class NumberOfBulletLists implements Instruction {

  private static final Pattern STAR_BULLET = PyRegex.compile("^\\s*\\*[^\\*].*$", Pattern.MULTILINE);
  private static final Pattern DASH_BULLET = PyRegex.compile("^\\s*-.*$", Pattern.MULTILINE);

  private final int bullets;

  public NumberOfBulletLists(InstructionArgs args) {
    bullets = args.requireCount("num_bullets");
  }

  @Override
  public boolean isFollowedBy(String response) {
    return PyRegex.countMatches(STAR_BULLET, response)
        + PyRegex.countMatches(DASH_BULLET, response) == bullets;
  }
}
