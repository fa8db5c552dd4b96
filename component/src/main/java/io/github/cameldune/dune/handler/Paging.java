package io.github.cameldune.dune.handler;

import java.util.Objects;

/** The rule every kind of paging follows: each next pointer must move on from the one before. */
final class Paging {

    private Paging() {}

    /**
     * Why a page's next pointer does not move on from the previous page's, or null when it does (or there is none).
     */
    static String stuck(Long previousOffset, String previousUri, Long nextOffset, String nextUri) {
        if (nextOffset != null && previousOffset != null && nextOffset <= previousOffset) {
            return "the next page makes no progress (offset " + nextOffset + " after " + previousOffset + ")";
        }
        if (nextUri != null && Objects.equals(nextUri, previousUri)) {
            return "the next page makes no progress (the same next URI twice)";
        }
        return null;
    }
}
