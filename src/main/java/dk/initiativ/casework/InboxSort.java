package dk.initiativ.casework;

import java.util.Arrays;
import java.util.Optional;

/** The orders of an inbox view ({@code sortering=...}); every order ends on a unique key, so pages never overlap. */
public enum InboxSort {
    /** Soonest deadline first; rows without a deadline last. */
    DEADLINE("frist"),
    /** Newest case (by submission) first. */
    NEWEST("nyeste"),
    /** Oldest case first. */
    OLDEST("aeldste"),
    /** By case number. */
    CASE_NUMBER("sagsnummer");

    private final String param;

    InboxSort(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<InboxSort> ofParam(String value) {
        return Arrays.stream(values()).filter(sort -> sort.param.equals(value)).findFirst();
    }
}
