package dk.initiativ.initiative;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.IsoDates;
import dk.initiativ.web.NotAccessLogged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/statistics/channels?from=2026-01-01&to=2026-12-31}: how initiatives came in per channel,
 * district and age band, for managers and administrators (the dashboard of issue 11 shows it). Both days are
 * included; {@code from} defaults to the first of January of this year, {@code to} to today.
 */
@RestController
@NotAccessLogged("counts per channel, no person")
class StatisticsApiController {

    /** A longer period is refused: the answer stays small and the scan short. */
    static final int MAX_DAYS = 3660;

    private final ChannelStatistics statistics;
    private final Clock clock;
    private final ZoneId zone;

    StatisticsApiController(ChannelStatistics statistics, Clock clock, DeadlineProperties deadlines) {
        this.statistics = statistics;
        this.clock = clock;
        this.zone = deadlines.zone();
    }

    @GetMapping("/api/statistics/channels")
    ChannelStatistics.Report channels(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate first = day("from", from, today.withDayOfYear(1));
        LocalDate last = day("to", to, today);
        if (last.isBefore(first)) {
            throw new FieldProblemException("to", "statistics.period.order");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            throw new FieldProblemException("to", "statistics.period.length");
        }
        return statistics.count(first, last);
    }

    private static LocalDate day(String field, String text, LocalDate otherwise) {
        LocalDate day = IsoDates.parse(text, field, "statistics.period.date");
        return day == null ? otherwise : day;
    }
}
