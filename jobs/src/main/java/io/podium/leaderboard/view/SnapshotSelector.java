package io.podium.leaderboard.view;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks one snapshot out of the table's snapshots: the latest, the one with an id, or the
 * latest taken at or before a time. Pure: it sees only the list of snapshots.
 *
 * <p>A reference is tried as a time first (an ISO date {@code 2026-01-05}, meaning the end of
 * that day in UTC, or an ISO date-time {@code 2026-01-05T10:00}, {@code 2026-01-05T10:00:00Z},
 * {@code 2026-01-05T10:00+02:00}; no offset means UTC), then as a snapshot id or an unambiguous
 * prefix of one (at least 4 characters).
 */
public final class SnapshotSelector {

  /** A reference that names no snapshot; the message lists the snapshots there are. */
  public static final class NoSuchSnapshotException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NoSuchSnapshotException(String message) {
      super(message);
    }
  }

  static final int MIN_PREFIX = 4;

  private final List<SnapshotInfo> snapshots;

  /** @param snapshots the table's snapshots, in any order */
  public SnapshotSelector(List<SnapshotInfo> snapshots) {
    this.snapshots = snapshots.stream()
        .sorted(Comparator.comparing(SnapshotInfo::time).thenComparing(SnapshotInfo::id))
        .toList();
  }

  /** Oldest first. */
  public List<SnapshotInfo> snapshots() {
    return snapshots;
  }

  public SnapshotInfo latest() {
    if (snapshots.isEmpty()) {
      throw new NoSuchSnapshotException("the leaderboard table has no snapshot yet");
    }
    return snapshots.get(snapshots.size() - 1);
  }

  /** The snapshot a reference (a time or an id) names; fails listing the snapshots there are. */
  public SnapshotInfo select(String reference) {
    String ref = reference.strip();
    Optional<Instant> time = parseTime(ref);
    if (time.isPresent()) {
      SnapshotInfo found = null;
      for (SnapshotInfo s : snapshots) {
        if (!s.time().isAfter(time.get())) {
          found = s;
        }
      }
      if (found == null) {
        throw notFound("no snapshot was taken at or before " + time.get() + " ('" + reference + "')");
      }
      return found;
    }
    for (SnapshotInfo s : snapshots) {
      if (s.id().equals(ref)) {
        return s;
      }
    }
    if (ref.length() >= MIN_PREFIX) {
      List<SnapshotInfo> matches = snapshots.stream().filter(s -> s.id().startsWith(ref)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.size() > 1) {
        throw notFound("'" + reference + "' is the start of " + matches.size() + " snapshot ids; give more of it");
      }
    }
    throw notFound("no snapshot has the id '" + reference + "', and it is no ISO date or date-time");
  }

  private NoSuchSnapshotException notFound(String what) {
    if (snapshots.isEmpty()) {
      return new NoSuchSnapshotException(what + "; the leaderboard table has no snapshot yet");
    }
    return new NoSuchSnapshotException(what + "; the snapshots are (id, time taken, oldest first):\n"
        + snapshots.stream().map(s -> "  " + s.describe()).collect(Collectors.joining("\n")));
  }

  /**
   * A time reference as an instant: a date is the end of that day (UTC), so it selects the
   * snapshot in force at the end of that day; a date-time without offset is UTC.
   */
  static Optional<Instant> parseTime(String s) {
    if (!s.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
      return Optional.empty();
    }
    String text = s.replace(' ', 'T');
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1));
      }
      try {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeException noOffset) {
        return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeException e) {
      throw new NoSuchSnapshotException("'" + s + "' looks like a time but is none: " + e.getMessage());
    }
  }
}
