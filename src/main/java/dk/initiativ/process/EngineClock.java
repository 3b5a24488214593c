package dk.initiativ.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's one clock: the process engine's ({@link ClockUtil}), read at every call. Timers, task due
 * dates and the engine's own timestamps run on that clock; every service takes "now" from this one, so a test
 * that moves the engine's clock moves case events, permit due dates, mail leases and the rest with it. Without
 * a moved clock it is the system time, to the millisecond (as the engine keeps it).
 */
final class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return otherZone.equals(zone) ? this : new EngineClock(otherZone);
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode();
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
