package dk.initiativ.casework;

import java.util.Arrays;
import java.util.Optional;

/** The deadline filter of an inbox view ({@code frist=...}). */
public enum InboxDue {
    /** The deadline has passed. */
    OVERDUE("overskredet"),
    /** Not passed yet, and before next Monday 00:00 in the municipality's zone. */
    THIS_WEEK("denne-uge");

    private final String param;

    InboxDue(String param) {
        this.param = param;
    }

    public String param() {
        return param;
    }

    public static Optional<InboxDue> ofParam(String value) {
        return Arrays.stream(values()).filter(due -> due.param.equals(value)).findFirst();
    }
}
