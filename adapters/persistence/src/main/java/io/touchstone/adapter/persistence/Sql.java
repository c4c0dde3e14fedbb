package io.touchstone.adapter.persistence;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/** The text of one SQL statement and its parameters, written together so that every {@code $n} has its value. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds a parameter and returns its placeholder, e.g. {@code $3}; lists travel as arrays. */
    String parameter(Object value) {
        parameters.add(value);
        return "$" + parameters.size();
    }

    Sql append(String part) {
        text.append(part);
        return this;
    }

    String text() {
        return text.toString();
    }

    Tuple tuple() {
        Tuple tuple = Tuple.tuple();
        parameters.forEach(tuple::addValue);
        return tuple;
    }

    /** The text only: parameters may hold a tenant's values, which stay out of logs. */
    @Override
    public String toString() {
        return text.toString();
    }
}
