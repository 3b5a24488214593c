package dk.initiativ.casework;

import dk.initiativ.initiative.Stage;

/**
 * One inbox view's state, as the URL carries it: the view, the filters (each {@code null} or {@code false} when
 * not set), the search text, the order and the page (1-based) with its size.
 *
 * @param search free text matched against case number, title and the citizen's name (blank: no search)
 */
public record InboxQuery(InboxView view, Stage stage, String topic, String district, InboxDue due,
        boolean unreadOnly, String search, InboxSort sort, int page, int pageSize) {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 100;
    /** The longest search text kept; longer text is cut. */
    public static final int MAX_SEARCH = 100;

    public InboxQuery {
        view = view == null ? InboxView.MY_TASKS : view;
        sort = sort == null ? InboxSort.DEADLINE : sort;
        page = Math.max(1, page);
        pageSize = pageSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        topic = blankToNull(topic);
        district = blankToNull(district);
        search = blankToNull(search);
        if (search != null && search.length() > MAX_SEARCH) {
            search = search.substring(0, search.offsetByCodePoints(0, search.codePointCount(0, MAX_SEARCH)));
        }
    }

    /** The first page of a view, unfiltered, soonest deadline first. */
    public static InboxQuery of(InboxView view) {
        return new InboxQuery(view, null, null, null, null, false, null, InboxSort.DEADLINE, 1, DEFAULT_PAGE_SIZE);
    }

    public InboxQuery withPage(int otherPage) {
        return new InboxQuery(view, stage, topic, district, due, unreadOnly, search, sort, otherPage, pageSize);
    }

    /** Row offset of the page. */
    public long offset() {
        return (long) (page - 1) * pageSize;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
