package dk.initiativ.privacy;

import java.time.Duration;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

import dk.initiativ.initiative.Outcome;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a closed case keeps its personal data, per outcome, and how the anonymisation job runs (ADR 0032).
 *
 * @param after    per outcome, the time from closure to anonymisation; an outcome not named keeps its default:
 *                 6 months for redirected, duplicate, withdrawn and inactive cases, 24 months for the others
 * @param interval how often the job looks for cases due (one node at a time, ShedLock)
 * @param batch    at most so many cases per outcome and run, each in its own transaction
 */
@ConfigurationProperties("initiativ.privacy.anonymisation")
public record AnonymisationProperties(
        Map<Outcome, Period> after,
        @DefaultValue("PT1H") Duration interval,
        @DefaultValue("200") int batch) {

    /** The defaults of the domain brief (issue 12). */
    public static final Map<Outcome, Period> DEFAULTS;

    static {
        Map<Outcome, Period> defaults = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            defaults.put(outcome, switch (outcome) {
                case REDIRECTED, DUPLICATE, WITHDRAWN, INACTIVE -> Period.ofMonths(6);
                default -> Period.ofMonths(24);
            });
        }
        DEFAULTS = Map.copyOf(defaults);
    }

    public AnonymisationProperties {
        Map<Outcome, Period> complete = new EnumMap<>(DEFAULTS);
        if (after != null) {
            complete.putAll(after);
        }
        complete.forEach((outcome, period) -> {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("initiativ.privacy.anonymisation.after." + outcome
                        + " must be positive");
            }
        });
        after = java.util.Collections.unmodifiableMap(complete);
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("initiativ.privacy.anonymisation.interval must be positive");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("initiativ.privacy.anonymisation.batch must be positive");
        }
    }

    /** The time a case with this outcome keeps its personal data after closure. */
    public Period after(Outcome outcome) {
        return after.get(outcome);
    }
}
