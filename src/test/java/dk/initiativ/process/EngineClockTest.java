package dk.initiativ.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineClockTest {

    private final Clock clock = new EngineClock(ZoneOffset.UTC);

    @AfterEach
    void resetCamundaClock() {
        ClockUtil.reset();
    }

    @Test
    void isCamundasClock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-01T22:30:00Z")));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-04-01T22:30:00Z"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")))).isEqualTo(LocalDate.of(2026, 4, 2));
    }

    @Test
    void movesWithCamundasClockAndBack() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));

        ClockUtil.reset();
        Instant before = Instant.now().minusMillis(1);
        assertThat(clock.instant()).isBetween(before, Instant.now().plusMillis(1));
    }

    @Test
    void keepsItsZone() {
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
        assertThat(clock.withZone(ZoneId.of("Europe/Copenhagen")).getZone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
    }
}
