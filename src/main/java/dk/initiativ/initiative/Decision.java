package dk.initiativ.initiative;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A decision on some part of a case, as the entities of the support plan's tracks keep it: who recorded it,
 * when, and its words (the reason of a funding or permit decision, which may be absent; the committee's
 * decision itself). Null on an entity until it is decided. Its columns are {@code decided_by},
 * {@code decided_at} and {@code decision_reason} unless the entity overrides them.
 *
 * @param decidedBy the user id of whoever recorded the decision
 * @param decidedAt when it was recorded
 * @param text      the reason or the decision's words, or {@code null}
 */
@Embeddable
public record Decision(@Column(name = "decided_by") String decidedBy, @Column(name = "decided_at") Instant decidedAt,
        @Column(name = "decision_reason") String text) {

    public Decision {
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
