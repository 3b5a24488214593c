package dk.initiativ.matching;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.catalog.CatalogEntry;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.NotAccessLogged;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff only: the teams and the staff profiles (competences named in the caller's language). */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@NotAccessLogged("teams and staff profiles: staff data, no citizen's")
class StaffApiController {


    private final StaffDirectory directory;
    private final CatalogService catalog;
    private final Clock clock;
    private final ZoneId zone;

    StaffApiController(StaffDirectory directory, CatalogService catalog, Clock clock, DeadlineProperties deadlines) {
        this.zone = deadlines.zone();
        this.directory = directory;
        this.catalog = catalog;
        this.clock = clock;
    }

    record TeamRef(String code, String name) {
    }

    /** One absence period: both days included, {@code until} null while the return is not known. */
    record AbsenceJson(LocalDate from, LocalDate until) {
    }

    /**
     * A profile; {@code absentFrom}/{@code absentUntil} are the current or next absence period (as before ADR 0038),
     * {@code absences} every period not yet over.
     */
    record StaffJson(String userId, String displayName, String email, String phone, TeamRef team, int capacity,
            List<CatalogEntry> competences, LocalDate absentFrom, LocalDate absentUntil, boolean absentToday,
            List<AbsenceJson> absences) {
    }

    @GetMapping("/api/teams")
    List<TeamView> teams() {
        return directory.teams();
    }

    /** Every profile, or one team's with {@code ?team=code}. */
    @GetMapping("/api/staff")
    List<StaffJson> staff(@RequestParam(name = "team", required = false) String team, Locale locale) {
        List<StaffMember> members = team == null || team.isBlank() ? directory.all() : directory.byTeam(team);
        Map<String, String> topicNames = catalog.topicNames(locale);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return members.stream().map(member -> json(member, topicNames, today)).toList();
    }

    private static StaffJson json(StaffMember member, Map<String, String> topicNames, LocalDate today) {
        List<CatalogEntry> competences = member.competences().stream()
                .map(code -> new CatalogEntry(code, topicNames.getOrDefault(code, code)))
                .toList();
        Absence absence = member.currentOrNext(today).orElse(null);
        return new StaffJson(member.userId(), member.displayName(), member.email(), member.phone(),
                new TeamRef(member.teamCode(), member.teamName()), member.capacity(), competences,
                absence == null ? null : absence.from(), absence == null ? null : absence.until(),
                member.isAbsentOn(today), member.absences().stream().filter(period -> !period.endedBefore(today))
                        .map(period -> new AbsenceJson(period.from(), period.until())).toList());
    }
}
