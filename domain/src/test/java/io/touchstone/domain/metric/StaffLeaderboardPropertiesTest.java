package io.touchstone.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.touchstone.domain.metric.StaffLeaderboard.Entry;
import io.touchstone.domain.metric.StaffLeaderboard.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class StaffLeaderboardPropertiesTest {

  @Provide
  Arbitrary<List<Member>> teams() {
    Arbitrary<ScoreHistogram> answers = Arbitraries.longs().between(0, 3).array(long[].class).ofSize(11)
        .map(counts -> ScoreHistogram.of(0, 10, counts));
    return answers.list().ofMaxSize(30).map(histograms -> {
      List<Member> members = new ArrayList<>();
      for (int i = 0; i < histograms.size(); i++) {
        members.add(new Member("member-" + i, histograms.get(i)));
      }
      return members;
    });
  }

  @Property
  void listedAndHiddenAddUpToEveryMemberAndResponse(@ForAll("teams") List<Member> team,
      @ForAll @IntRange(min = 1, max = 20) int minResponses) {
    var board = StaffLeaderboard.rank(new StaffLeaderboard.Metric.Nps(), team, minResponses);
    long total = team.stream().mapToLong(member -> member.answers().n()).sum();

    assertThat(board.entries().size() + board.hidden().members()).isEqualTo(team.size());
    assertThat(board.entries().stream().mapToLong(Entry::n).sum() + board.hidden().responses()).isEqualTo(total);
    assertThat(board.responses()).isEqualTo(total);
    assertThat(board.entries()).allMatch(entry -> entry.n() >= minResponses);
  }

  @Property
  void entriesAreOrderedByValueThenNThenIdWithCompetitionRanks(@ForAll("teams") List<Member> team) {
    List<Entry> entries = StaffLeaderboard.rank(new StaffLeaderboard.Metric.Nps(), team, 1).entries();

    for (int i = 1; i < entries.size(); i++) {
      Entry before = entries.get(i - 1);
      Entry after = entries.get(i);
      assertThat(before.value()).isGreaterThanOrEqualTo(after.value());
      if (before.value() == after.value()) {
        assertThat(before.n()).isGreaterThanOrEqualTo(after.n());
        if (before.n() == after.n()) {
          assertThat(before.member()).isLessThan(after.member());
        }
        assertThat(after.rank()).isEqualTo(before.rank());
      } else {
        assertThat(after.rank()).isEqualTo(i + 1);
      }
    }
  }

  @Property
  void inputOrderIsIrrelevant(@ForAll("teams") List<Member> team, @ForAll long seed) {
    List<Member> shuffled = new ArrayList<>(team);
    Collections.shuffle(shuffled, new Random(seed));

    assertThat(StaffLeaderboard.rank(new StaffLeaderboard.Metric.Nps(), shuffled))
        .isEqualTo(StaffLeaderboard.rank(new StaffLeaderboard.Metric.Nps(), team));
  }
}
