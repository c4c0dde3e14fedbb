package io.touchstone.domain.metric;

import io.touchstone.domain.shared.error.InvalidValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A leaderboard of staff members (employees or teams) by NPS or CSAT %.
 *
 * <ul>
 *   <li>each member's figure is computed over the answers of their responses (one answer per response) with the
 *       formulas of {@link Nps} (score, 95 % Wald interval) or {@link Csat} (CSAT %, 95 % Wilson interval); n is the
 *       number of those answers;
 *   <li>a member with n &lt; {@code minResponses} (default {@value #DEFAULT_MIN_RESPONSES}, at least 1) is not listed
 *       — so that a single customer cannot be identified and single answers do not rank people — but counted in the
 *       hidden tally (members and responses), so that listed plus hidden add up to every member and response; a
 *       member without answers is hidden too;
 *   <li>the listed members are ordered by value (higher first), then by n (larger first), then by member id;
 *       equal values share a rank (standard competition ranking: 1, 2, 2, 4). Equal fractions give equal values
 *       (each is one correctly rounded division), so the order depends only on the counts, never on input order.
 * </ul>
 */
public final class StaffLeaderboard {

  /** The minimum number of responses to be listed individually unless configured otherwise. */
  public static final int DEFAULT_MIN_RESPONSES = 5;

  private StaffLeaderboard() {}

  /** The figure members are ranked by. */
  public sealed interface Metric {

    /** NPS over 0..10 answers. */
    record Nps() implements Metric {
    }

    /** CSAT % over answers on one CSAT scale, satisfied from {@code satisfiedFrom}. */
    record CsatPercent(int satisfiedFrom) implements Metric {
    }
  }

  /** One member (an employee or team reference, not blank) and the histogram of the answers of their responses. */
  public record Member(String id, ScoreHistogram answers) {

    public Member {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(answers, "answers");
      if (id.isBlank()) {
        throw new IllegalArgumentException("member id must not be blank");
      }
    }
  }

  /** A listed member: rank (from 1), value, n and the 95 % confidence interval of the value. */
  public record Entry(int rank, String member, long n, double value, ConfidenceInterval confidenceInterval) {

    public Entry {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(confidenceInterval, "confidenceInterval");
      if (rank < 1 || n < 1) {
        throw new IllegalArgumentException("rank " + rank + " and n " + n + " must be >= 1");
      }
    }

    /** n < 30: read the figure with care ({@link SampleSize}). */
    public boolean smallSample() {
      return SampleSize.isSmall(n);
    }
  }

  /** The members below the minimum: how many, and how many responses they had together. */
  public record Hidden(long members, long responses) {

    public Hidden {
      if (members < 0 || responses < 0) {
        throw new IllegalArgumentException("members " + members + " and responses " + responses + " must be >= 0");
      }
    }
  }

  /**
   * The ranked entries, the hidden tally, the minimum applied, and the totals over every member: {@code members} =
   * entries + hidden members, {@code responses} = Σ entry n + hidden responses.
   */
  public record Leaderboard(List<Entry> entries, Hidden hidden, int minResponses, long members, long responses) {

    public Leaderboard {
      entries = List.copyOf(entries);
      Objects.requireNonNull(hidden, "hidden");
    }
  }

  /** The leaderboard with the default minimum of {@value #DEFAULT_MIN_RESPONSES} responses. */
  public static Leaderboard rank(Metric metric, List<Member> members) {
    return rank(metric, members, DEFAULT_MIN_RESPONSES);
  }

  /**
   * The leaderboard of {@code members} (distinct ids, all histograms on one scale: 0..10 for NPS, one CSAT scale for
   * CSAT %) by {@code metric}, listing members with at least {@code minResponses} (≥ 1) responses.
   */
  public static Leaderboard rank(Metric metric, List<Member> members, int minResponses) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(members, "members");
    if (minResponses < 1) {
      throw new InvalidValue("minResponses", "leaderboard.min-responses-out-of-range",
          "must be at least 1, got " + minResponses);
    }
    Set<String> ids = new HashSet<>();
    record Scored(String member, long n, double value, ConfidenceInterval interval) {
    }
    List<Scored> listed = new ArrayList<>();
    long hiddenMembers = 0;
    long hiddenResponses = 0;
    long responses = 0;
    ScoreHistogram first = null;
    for (Member member : members) {
      Objects.requireNonNull(member, "member");
      if (!ids.add(member.id())) {
        throw new IllegalArgumentException("member " + member.id() + " is given twice");
      }
      ScoreHistogram answers = member.answers();
      if (first == null) {
        first = answers;
      } else if (answers.min() != first.min() || answers.max() != first.max()) {
        throw new IllegalArgumentException("members' answers on scales " + first.min() + ".." + first.max()
            + " and " + answers.min() + ".." + answers.max() + " cannot be ranked together");
      }
      Scored scored = switch (metric) {
        case Metric.Nps ignored -> Nps.of(answers)
            .map(nps -> new Scored(member.id(), nps.n(), nps.score(), nps.confidenceInterval()))
            .orElse(null);
        case Metric.CsatPercent(int satisfiedFrom) -> Csat.of(answers, satisfiedFrom)
            .map(csat -> new Scored(member.id(), csat.n(), csat.percentSatisfied(),
                Csat.confidenceInterval(csat.satisfied(), csat.n())))
            .orElse(null);
      };
      responses += answers.n();
      if (answers.n() < minResponses) {
        hiddenMembers++;
        hiddenResponses += answers.n();
      } else {
        listed.add(scored);
      }
    }
    listed.sort(Comparator.comparingDouble(Scored::value).reversed()
        .thenComparing(Comparator.comparingLong(Scored::n).reversed())
        .thenComparing(Scored::member));
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < listed.size(); i++) {
      Scored scored = listed.get(i);
      int rank = i > 0 && listed.get(i - 1).value() == scored.value() ? entries.get(i - 1).rank() : i + 1;
      entries.add(new Entry(rank, scored.member(), scored.n(), scored.value(), scored.interval()));
    }
    return new Leaderboard(entries, new Hidden(hiddenMembers, hiddenResponses), minResponses, members.size(),
        responses);
  }
}
