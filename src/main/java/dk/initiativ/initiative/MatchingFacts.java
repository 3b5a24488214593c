package dk.initiativ.initiative;

import java.util.Set;
import java.util.stream.Collectors;

/** What the team decision reads: codes only. */
public record MatchingFacts(String topic, String district, Set<HelpKind> helpWanted) {

    /** Help wanted as comma-separated codes, e.g. {@code FUNDING,PREMISES} (a process variable holds no lists). */
    public String helpWantedCodes() {
        return helpWanted.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
