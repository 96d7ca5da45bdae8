package io.podium.leaderboard.view;

import java.util.regex.Pattern;

/**
 * Takes anything secret out of text that is shown (a snapshot's inputs may name locations):
 * user info in URIs ({@code s3a://KEY:SECRET@bucket}) and credential-like query parameters.
 */
public final class Redaction {

  private static final Pattern USER_INFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s\"']+@");
  private static final Pattern CREDENTIAL_PARAM = Pattern.compile(
      "(?i)([?&;](?:[a-z0-9_.-]*(?:secret|password|passwd|token|signature|credential|access[_-]?key)[a-z0-9_.-]*)=)"
          + "[^&\\s\"']*");

  private Redaction() {}

  public static String redact(String s) {
    if (s == null) {
      return null;
    }
    String out = USER_INFO.matcher(s).replaceAll("$1***@");
    return CREDENTIAL_PARAM.matcher(out).replaceAll("$1***");
  }
}
