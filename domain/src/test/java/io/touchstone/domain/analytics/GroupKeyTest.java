package io.touchstone.domain.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GroupKeyTest {

    @Test
    void ordersValueByValueWithNoValueLast() {
        List<GroupKey> keys = List.of(GroupKey.of(null, "a"), GroupKey.of("WEB", null), GroupKey.of("WEB", "b"),
                GroupKey.of("EMAIL", "z"), GroupKey.of(null, null), GroupKey.of("WEB", "a"));

        assertThat(new TreeSet<>(keys)).containsExactly(GroupKey.of("EMAIL", "z"), GroupKey.of("WEB", "a"),
                GroupKey.of("WEB", "b"), GroupKey.of("WEB", null), GroupKey.of(null, "a"), GroupKey.of(null, null));
    }

    @Test
    void keepsNoValueAsNullAndCopiesItsValues() {
        List<String> values = new ArrayList<>(List.of("cs"));
        values.add(null);
        GroupKey key = new GroupKey(values);

        values.set(0, "en");

        assertThat(key.size()).isEqualTo(2);
        assertThat(key.value(0)).isEqualTo("cs");
        assertThat(key.value(1)).isNull();
        assertThat(GroupKey.NONE.size()).isZero();
    }
}
