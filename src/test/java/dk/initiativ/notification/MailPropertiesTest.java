package dk.initiativ.notification;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailPropertiesTest {

    private static MailProperties retry(Duration initial, Duration max) {
        return new MailProperties("noreply@example.org", true, Duration.ofSeconds(2), 10, Duration.ofMinutes(5),
                initial, max, 20, "", new MailProperties.EmbeddedSmtp(true, 3025, 50));
    }

    @Test
    void theBackoffDoublesFromTheInitialWaitUpToTheMaximum() {
        MailProperties properties = retry(Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.backoff(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(properties.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(19)).isEqualTo(Duration.ofHours(1));
        assertThat(properties.backoff(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aZeroInitialWaitIsRefused() {
        assertThatThrownBy(() -> retry(Duration.ZERO, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
