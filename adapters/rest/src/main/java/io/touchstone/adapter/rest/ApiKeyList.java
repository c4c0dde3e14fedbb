package io.touchstone.adapter.rest;

import java.util.List;

public record ApiKeyList(List<ApiKeyView> items) {
}
