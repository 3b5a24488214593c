package dk.initiativ.process;

import java.util.Optional;

/**
 * The title of a case by its case number, for the names of its tasks ({@link CaseTaskNames}). The case
 * feature provides it; the engine glue only asks, so it depends on no feature.
 */
public interface CaseTitles {

    /** The case's title, or empty when there is no such case. */
    Optional<String> titleOf(String caseNumber);
}
