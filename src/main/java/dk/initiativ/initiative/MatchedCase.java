package dk.initiativ.initiative;

/** A case that got a team: what the team decision read and the team the case has now. */
public record MatchedCase(String caseNumber, MatchingFacts facts, String teamCode) {
}
