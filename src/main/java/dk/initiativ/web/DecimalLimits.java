package dk.initiativ.web;

import java.math.BigDecimal;

/**
 * The decimal numbers we read from people, whatever the door (the JSON API through {@link JsonInputLimits}, the task
 * forms of the case page): at most {@link #MAX_DIGITS} digits before and after the point. {@code 1E+999999} is a short
 * text for a number of a million digits, whose plain writing and reading again would hold a thread for minutes; no
 * amount of ours comes near the limit.
 */
public final class DecimalLimits {

    public static final int MAX_DIGITS = 15;

    private DecimalLimits() {
    }

    /** Whether the number has at most {@link #MAX_DIGITS} digits before and after the point. */
    public static boolean held(BigDecimal value) {
        return value.precision() - value.scale() <= MAX_DIGITS && value.scale() <= MAX_DIGITS;
    }
}
