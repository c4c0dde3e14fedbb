package io.touchstone.domain.analytics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The values of a group, one per group-by dimension in the query's order; {@code null} stands for "no value" (a
 * response without a channel or without the attribute). Ordered value by value, "no value" last.
 */
public record GroupKey(List<String> values) implements Comparable<GroupKey> {

    private static final Comparator<String> VALUE_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    public static final GroupKey NONE = new GroupKey(List.of());

    public GroupKey {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    public static GroupKey of(String... values) {
        return new GroupKey(java.util.Arrays.asList(values));
    }

    public int size() {
        return values.size();
    }

    public String value(int index) {
        return values.get(index);
    }

    @Override
    public int compareTo(GroupKey other) {
        for (int i = 0; i < Math.min(values.size(), other.values.size()); i++) {
            int order = VALUE_ORDER.compare(values.get(i), other.values.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(values.size(), other.values.size());
    }
}
