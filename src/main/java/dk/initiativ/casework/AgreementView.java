package dk.initiativ.casework;

import java.time.Instant;

/** The expectation agreement as staff and the citizen read it. */
public record AgreementView(String willDo, String willNotDo, String whoDoesWhat, String nextSteps,
        String recordedBy, Instant recordedAt) {
}
