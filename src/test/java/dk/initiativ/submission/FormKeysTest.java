package dk.initiativ.submission;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time form key that the public form and the staff registration share ({@link FormKeys}). */
class FormKeysTest {

    @Test
    void aPostedKeyCountsOnlyInTheSessionItWasIssuedTo() {
        MockHttpSession mine = new MockHttpSession();
        String issued = FormKeys.issueNew(mine);
        assertThat(issued).matches("[A-Za-z0-9_-]{43}");
        assertThat(FormKeys.issueNew(mine)).isNotEqualTo(issued);

        assertThat(FormKeys.postedOrNew(mine, issued)).as("my own form posted again").isEqualTo(issued);
        String foreign = FormKeys.postedOrNew(new MockHttpSession(), issued);
        assertThat(foreign).as("another session's key").isNotEqualTo(issued).matches("[A-Za-z0-9_-]{43}");
        assertThat(FormKeys.postedOrNew(mine, null)).isNotEqualTo(issued).matches("[A-Za-z0-9_-]{43}");
        assertThat(FormKeys.postedOrNew(mine, "<script>")).as("a tampered key").matches("[A-Za-z0-9_-]{43}");
        String replacement = FormKeys.postedOrNew(mine, "x".repeat(43));
        assertThat(FormKeys.issuedTo(mine, replacement)).as("the new key is issued to the session").isTrue();
    }

    @Test
    void theSessionKeepsTheLatestKeys() {
        MockHttpSession session = new MockHttpSession();
        String first = FormKeys.issueNew(session);
        for (int i = 0; i < FormKeys.KEPT; i++) {
            FormKeys.issueNew(session);
        }
        assertThat(FormKeys.issuedTo(session, first)).isFalse();
    }
}
