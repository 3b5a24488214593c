package dk.initiativ.casework;

import java.util.Map;

/** The unfiltered number of rows of each view the user has (a view the user lacks is missing). */
public record InboxCounts(Map<InboxView, Long> byView) {

    public long of(InboxView view) {
        return byView.getOrDefault(view, 0L);
    }
}
