package dk.initiativ.web;

/** What a staff member did with a case's personal data. */
public enum AccessKind {
    /** Saw it on a page or in an API answer. */
    VIEW,
    /** Took a file or a document with it (an attachment, the printed receipt). */
    DOWNLOAD,
    /** Saw it in a list or a search result (one record per case shown). */
    SEARCH,
    /** Took it out as a file of many records (the log's CSV export). */
    EXPORT,
    /** Changed it. */
    CHANGE
}
