package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import io.touchstone.domain.metric.StaffLeaderboard.Entry;
import io.touchstone.domain.metric.StaffLeaderboard.Hidden;
import io.touchstone.domain.metric.StaffLeaderboard.Member;
import io.touchstone.domain.shared.error.InvalidValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Interval bounds computed independently with 40-digit decimals (python3, module decimal). */
class StaffLeaderboardTest {

  private static final Offset<Double> EXACT = within(1e-9);
  private static final StaffLeaderboard.Metric NPS = new StaffLeaderboard.Metric.Nps();

  /** An NPS member from pairs of score and count. */
  private static Member nps(String id, int... scoreThenCount) {
    ScoreHistogram answers = ScoreHistogram.empty(0, 10);
    for (int i = 0; i < scoreThenCount.length; i += 2) {
      answers = answers.plus(scoreThenCount[i], scoreThenCount[i + 1]);
    }
    return new Member(id, answers);
  }

  /** A CSAT member on 1..5 from pairs of score and count. */
  private static Member csat(String id, int... scoreThenCount) {
    ScoreHistogram answers = ScoreHistogram.empty(1, 5);
    for (int i = 0; i < scoreThenCount.length; i += 2) {
      answers = answers.plus(scoreThenCount[i], scoreThenCount[i + 1]);
    }
    return new Member(id, answers);
  }

  /**
   * <pre>
   * member  answers               n   P  D  NPS
   * alice   10×4, 9, 3            6   5  1  100 × 4 / 6 = 66.67
   * bob     10×3, 7×2             5   3  0  60
   * carol   10                    1   hidden (n < 5)
   * dave    9×6, 0×4              10  6  4  20
   * erin    9×3, 8×2              5   3  0  60
   * frank   10×8, 2×4             12  8  4  33.33
   * gus     —                     0   hidden
   * hana    10×2, 0×2             4   hidden
   * ivan    10×7, 8×2, 1          10  7  1  60
   * </pre>
   * 60 three times: ivan (n 10) before bob and erin (n 5, by id), all rank 2; frank rank 5, dave 6.
   */
  private static final List<Member> TEAM = List.of(
      nps("alice", 10, 4, 9, 1, 3, 1), nps("bob", 10, 3, 7, 2), nps("carol", 10, 1), nps("dave", 9, 6, 0, 4),
      nps("erin", 9, 3, 8, 2), nps("frank", 10, 8, 2, 4), nps("gus"), nps("hana", 10, 2, 0, 2),
      nps("ivan", 10, 7, 8, 2, 1, 1));

  @Test
  void ranksByNpsThenByNThenByIdAndSharesRanksOnEqualScores() {
    var board = StaffLeaderboard.rank(NPS, TEAM);

    assertThat(board.entries()).extracting(Entry::member)
        .containsExactly("alice", "ivan", "bob", "erin", "frank", "dave");
    assertThat(board.entries()).extracting(Entry::rank).containsExactly(1, 2, 2, 2, 5, 6);
    assertThat(board.entries()).extracting(Entry::n).containsExactly(6L, 10L, 5L, 5L, 12L, 10L);
    assertThat(board.entries().get(0).value()).isCloseTo(200.0 / 3, EXACT);
    assertThat(board.entries().get(1).value()).isCloseTo(60.0, EXACT);
    assertThat(board.entries().get(4).value()).isCloseTo(100.0 / 3, EXACT);
    assertThat(board.entries().get(5).value()).isCloseTo(20.0, EXACT);
    assertThat(board.entries()).allMatch(Entry::smallSample);
  }

  @Test
  void npsEntriesCarryTheClampedWaldInterval() {
    var board = StaffLeaderboard.rank(NPS, TEAM);

    // alice: 66.67 ± 196 × sqrt((5/6 + 1/6 − (4/6)²) / 6) = [7.0257..., 126.3...] → upper clamped to 100
    assertThat(board.entries().get(0).confidenceInterval().lower()).isCloseTo(7.025765960548578757, EXACT);
    assertThat(board.entries().get(0).confidenceInterval().upper()).isEqualTo(100.0);
    // dave: 20 ± 60.728... = [−40.728..., 80.728...]
    assertThat(board.entries().get(5).confidenceInterval().lower()).isCloseTo(-40.728378868532296760, EXACT);
    assertThat(board.entries().get(5).confidenceInterval().upper()).isCloseTo(80.728378868532296760, EXACT);
  }

  @Test
  void membersBelowTheMinimumAreCountedButNotListed() {
    var board = StaffLeaderboard.rank(NPS, TEAM);

    // carol (1), gus (0), hana (4)
    assertThat(board.hidden()).isEqualTo(new Hidden(3, 5));
    assertThat(board.minResponses()).isEqualTo(5);
    assertThat(board.members()).isEqualTo(9);
    // 6 + 5 + 1 + 10 + 5 + 12 + 0 + 4 + 10
    assertThat(board.responses()).isEqualTo(53);
    assertThat(board.entries()).extracting(Entry::member).doesNotContain("carol", "gus", "hana");
  }

  @Test
  void minimumIsConfigurable() {
    var everyone = StaffLeaderboard.rank(NPS, TEAM, 1);

    // carol 100 (n 1) first; hana 0 (n 4) last; gus (no answers) still hidden
    assertThat(everyone.entries()).extracting(Entry::member)
        .containsExactly("carol", "alice", "ivan", "bob", "erin", "frank", "dave", "hana");
    assertThat(everyone.hidden()).isEqualTo(new Hidden(1, 0));

    var strict = StaffLeaderboard.rank(NPS, TEAM, 11);
    assertThat(strict.entries()).extracting(Entry::member).containsExactly("frank");
    assertThat(strict.hidden()).isEqualTo(new Hidden(8, 41));
  }

  @Test
  void exactlyTheMinimumIsListed() {
    var board = StaffLeaderboard.rank(NPS, List.of(nps("bob", 10, 3, 7, 2), nps("hana", 10, 2, 0, 2)));

    assertThat(board.entries()).extracting(Entry::member).containsExactly("bob");
    assertThat(board.hidden()).isEqualTo(new Hidden(1, 4));
  }

  @Test
  void rankingDoesNotDependOnInputOrder() {
    List<Member> reversed = new ArrayList<>(TEAM);
    Collections.reverse(reversed);

    assertThat(StaffLeaderboard.rank(NPS, reversed)).isEqualTo(StaffLeaderboard.rank(NPS, TEAM));
  }

  @Test
  void equalFractionsOfDifferentCountsShareARank() {
    // 1 of 3 promoters and 2 of 6: NPS 100/3 both; larger n first
    var board = StaffLeaderboard.rank(NPS, List.of(nps("x", 10, 1, 8, 2), nps("y", 10, 2, 8, 4)), 1);

    assertThat(board.entries()).extracting(Entry::member).containsExactly("y", "x");
    assertThat(board.entries()).extracting(Entry::rank).containsExactly(1, 1);
  }

  @Test
  void ranksByCsatPercentWithTheWilsonInterval() {
    // t1: 5×3, 4, 2 → 4 of 5 = 80 %; t2: 5×9, 1 → 9 of 10 = 90 %; t3: 5×2 → hidden (n 2)
    var board = StaffLeaderboard.rank(new StaffLeaderboard.Metric.CsatPercent(4),
        List.of(csat("t1", 5, 3, 4, 1, 2, 1), csat("t2", 5, 9, 1, 1), csat("t3", 5, 2)));

    assertThat(board.entries()).extracting(Entry::member).containsExactly("t2", "t1");
    assertThat(board.entries().get(0).value()).isCloseTo(90.0, EXACT);
    assertThat(board.entries().get(0).confidenceInterval().lower()).isCloseTo(59.584361450242788695, EXACT);
    assertThat(board.entries().get(0).confidenceInterval().upper()).isCloseTo(98.212425048427885216, EXACT);
    assertThat(board.entries().get(1).value()).isCloseTo(80.0, EXACT);
    assertThat(board.entries().get(1).confidenceInterval().lower()).isCloseTo(37.552826411853879870, EXACT);
    assertThat(board.hidden()).isEqualTo(new Hidden(1, 2));
  }

  @Test
  void csatThresholdDecidesTheValue() {
    // only 5s satisfied: t1 3 of 5 = 60 %, t2 9 of 10 = 90 %
    var board = StaffLeaderboard.rank(new StaffLeaderboard.Metric.CsatPercent(5),
        List.of(csat("t1", 5, 3, 4, 1, 2, 1), csat("t2", 5, 9, 1, 1)));

    assertThat(board.entries()).extracting(Entry::value).containsExactly(90.0, 60.0);
  }

  @Test
  void noMembersMakeAnEmptyBoard() {
    var board = StaffLeaderboard.rank(NPS, List.of());

    assertThat(board.entries()).isEmpty();
    assertThat(board.hidden()).isEqualTo(new Hidden(0, 0));
    assertThat(board.members()).isZero();
  }

  @Test
  void refusesAMinimumBelowOne() {
    assertThatExceptionOfType(InvalidValue.class).isThrownBy(() -> StaffLeaderboard.rank(NPS, TEAM, 0))
        .satisfies(error -> {
          assertThat(error.code()).isEqualTo("leaderboard.min-responses-out-of-range");
          assertThat(error.violations().getFirst().field()).isEqualTo("minResponses");
        });
  }

  @Test
  void refusesDuplicateMembersAndMixedScales() {
    assertThatIllegalArgumentException().isThrownBy(
        () -> StaffLeaderboard.rank(NPS, List.of(nps("bob", 10, 5), nps("bob", 9, 5))));
    assertThatIllegalArgumentException().isThrownBy(() -> StaffLeaderboard.rank(
        new StaffLeaderboard.Metric.CsatPercent(4),
        List.of(csat("t1", 5, 5), new Member("t2", ScoreHistogram.empty(1, 7).plus(7, 5)))));
    assertThatIllegalArgumentException().isThrownBy(() -> StaffLeaderboard.rank(NPS, List.of(csat("t1", 5, 5))));
    assertThatIllegalArgumentException().isThrownBy(() -> new Member(" ", ScoreHistogram.empty(0, 10)));
  }
}
