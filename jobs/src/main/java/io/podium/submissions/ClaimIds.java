package io.podium.submissions;

import java.util.regex.Pattern;

/**
 * What a claim id may be: the id of the run that holds a submission, a UUID by default or the
 * scheduler's own run id (Airflow's {@code scheduled__2026-12-04T00:00:00+00:00}), so that a
 * retried step of the same run is recognised as the same claim.
 */
public final class ClaimIds {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:+\\-]{0,199}");

  private ClaimIds() {}

  /** The id, or IllegalArgumentException naming what is allowed. */
  public static String check(String claimId) {
    if (claimId == null || !VALID.matcher(claimId).matches()) {
      throw new IllegalArgumentException("claim id '" + claimId + "' is not 1-200 letters, digits and _ . : + -"
          + " starting with a letter or digit (e.g. a UUID or an Airflow run id)");
    }
    return claimId;
  }
}
