package dk.initiativ.initiative;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dk.initiativ.process.DeadlineProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How initiatives came in (web, in person, phone, letter, e-mail, meeting) per district and age band, so that the
 * manager dashboard can show whether the extra ways in reach new groups (issue 15). The district is the one the
 * initiative is about (always given); the age band is the citizen's voluntary profile answer (null: not given).
 * One grouped query over the index {@code ix_initiative_channel_statistics} (V19).
 */
@Service
public class ChannelStatistics {

    private final InitiativeRepository initiatives;
    private final ZoneId zone;

    ChannelStatistics(InitiativeRepository initiatives, DeadlineProperties deadlines) {
        this.initiatives = initiatives;
        this.zone = deadlines.zone();
    }

    /** Cases submitted from the start of {@code from} to the end of {@code to} (both days included, local time). */
    @Transactional(readOnly = true)
    public Report count(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Row> rows = initiatives.countByChannel(start, end);
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            byChannel.put(channel, 0L);
        }
        rows.forEach(row -> byChannel.merge(row.channel(), row.count(), Long::sum));
        long total = rows.stream().mapToLong(Row::count).sum();
        return new Report(from, to, total, byChannel, rows);
    }

    /** The counts of one period: per channel, and per channel, district and age band. */
    public record Report(LocalDate from, LocalDate to, long total, Map<Channel, Long> byChannel, List<Row> rows) {
    }

    /** The number of cases of one channel, district and age band (null: the citizen did not say). */
    public record Row(Channel channel, String district, AgeBand ageBand, long count) {
    }
}
