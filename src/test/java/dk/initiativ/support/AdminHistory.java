package dk.initiativ.support;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-item admin pages' history (the fragment {@code admin/fragments :: changes}) as a test reads it. */
public final class AdminHistory {

    private AdminHistory() {
    }

    /**
     * The history list of a per-item admin page, checked to read like the change record: each change a table of
     * labelled fields, never the recorded JSON.
     */
    public static String of(String page) {
        int start = page.indexOf("id=\"history-table\"");
        assertThat(start).as("the page has a history list").isNotNegative();
        String history = page.substring(start, page.indexOf("</ol>", start));
        assertThat(history).contains("class=\"table table--compact change-fields\"")
                .doesNotContain("{&quot;", "change-json", "&quot;:");
        return history;
    }
}
