package dk.initiativ.casework;

import java.util.List;

/** One page of an inbox view, and how many rows the view has with its filters ({@code total}). */
public record InboxPage(InboxQuery query, List<InboxRow> rows, long total) {

    public int pages() {
        return (int) Math.max(1, (total + query.pageSize() - 1) / query.pageSize());
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }
}
