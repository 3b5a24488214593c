package dk.initiativ.matching;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An admin's changes to staff profiles against the embedded MariaDB (issue 13, ADR 0038), with the engine's clock
 * moved: absence periods next week and the week after make matching skip the person during each and pick them again
 * after, with nothing switched back; an absence ending before it starts, one wholly past, one overlapping another,
 * a long note, an unknown team or topic and a bad capacity are refused with the field named and nothing stored; two
 * admins adding periods at once keep both; each change is in the change record.
 */
@LocalModeTest
class StaffProfileAdminTest {

    @Autowired StaffProfileAdmin admin;
    @Autowired StaffDirectory directory;
    @Autowired StaffProfileRepository profiles;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired DeadlineProperties deadlines;

    StaffMember annaBefore;

    @BeforeEach
    void remember() {
        annaBefore = directory.byUserId("anna").orElseThrow();
    }

    @AfterEach
    void restore() {
        ClockUtil.reset();
        List<Long> kept = annaBefore.absences().stream().map(Absence::id).toList();
        directory.byUserId("anna").orElseThrow().absences().stream().map(Absence::id)
                .filter(id -> !kept.contains(id)).forEach(id -> admin.removeAbsence("anna", id, "test"));
        admin.changeWork("anna", annaBefore.teamCode(), annaBefore.capacity(), List.copyOf(annaBefore.competences()),
                "test");
    }

    private void moveClockTo(LocalDate day) {
        ZoneId zone = deadlines.zone();
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(zone).toInstant()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(deadlines.zone()));
    }

    /** Matching's pick in Anna's team for a topic only she knows there, as on the day the clock says. */
    private Optional<String> pick() {
        return ContactPersonPicker.pick(directory.byTeam(annaBefore.teamCode()), "erhverv-turisme", Map.of(), today())
                .map(StaffMember::userId);
    }

    private long records() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class);
    }

    private long periods() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM staff_absence", Long.class);
    }

    @Test
    void matchingSkipsThePersonDuringEachPeriodAndPicksThemAgainAfter() {
        LocalDate monday = today().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate friday = monday.plusDays(4);
        LocalDate wednesdayAfter = monday.plusDays(9);
        admin.addAbsence("anna", wednesdayAfter, wednesdayAfter.plusDays(1), "Kursus 🎓", "admin");
        admin.addAbsence("anna", monday, friday, null, "admin");

        assertThat(pick()).contains("anna");
        moveClockTo(monday.minusDays(1));
        assertThat(pick()).contains("anna");
        moveClockTo(monday);
        assertThat(pick()).isPresent().get().isNotEqualTo("anna");
        moveClockTo(friday);
        assertThat(pick()).isPresent().get().isNotEqualTo("anna");
        moveClockTo(friday.plusDays(1));
        assertThat(pick()).contains("anna");
        moveClockTo(wednesdayAfter);
        assertThat(pick()).isPresent().get().isNotEqualTo("anna");
        moveClockTo(wednesdayAfter.plusDays(2));
        assertThat(pick()).contains("anna");

        assertThat(directory.byUserId("anna").orElseThrow().absences())
                .extracting(Absence::from, Absence::until, Absence::note)
                .containsExactly(tuple(monday, friday, null), tuple(wednesdayAfter, wednesdayAfter.plusDays(1), "Kursus 🎓"));
        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, JSON_LENGTH(before_json, '$.absences') AS b,"
                + " JSON_VALUE(after_json, '$.absences[0].from') AS f, JSON_VALUE(after_json, '$.absences[0].until') AS u,"
                + " JSON_LENGTH(after_json, '$.absences') AS a FROM reference_change WHERE entity_kind = 'staff-profile'"
                + " AND entity_id = 'anna' ORDER BY id DESC LIMIT 1");
        assertThat(record).containsEntry("changed_by", "admin").containsEntry("f", monday.toString())
                .containsEntry("u", friday.toString());
        assertThat(((Number) record.get("b")).intValue()).isEqualTo(annaBefore.absences().size() + 1);
        assertThat(((Number) record.get("a")).intValue()).isEqualTo(annaBefore.absences().size() + 2);
    }

    @Test
    void onePeriodIsRemovedAndTheOtherKeptAndTheRemovalRecorded() {
        LocalDate start = today().plusDays(20);
        admin.addAbsence("anna", start, start.plusDays(2), null, "admin");
        StaffMember two = admin.addAbsence("anna", start.plusDays(10), null, "Orlov", "admin");
        Absence first = two.absences().stream().filter(a -> a.from().equals(start)).findFirst().orElseThrow();
        long before = records();

        StaffMember one = admin.removeAbsence("anna", first.id(), "admin");

        assertThat(one.absences()).extracting(Absence::from).contains(start.plusDays(10)).doesNotContain(start);
        assertThat(records()).isEqualTo(before + 1);
        assertThatThrownBy(() -> admin.removeAbsence("anna", first.id(), "admin"))
                .isInstanceOf(NotFoundException.class);
        long dortes = directory.byUserId("dorte").orElseThrow().absences().get(0).id();
        assertThatThrownBy(() -> admin.removeAbsence("anna", dortes, "admin")).isInstanceOf(NotFoundException.class);
        assertThat(directory.byUserId("dorte").orElseThrow().absences()).extracting(Absence::id).contains(dortes);
        assertThat(records()).isEqualTo(before + 1);
    }

    @Test
    void badPeriodsAreRefusedWithTheFieldNamedAndNothingIsStored() {
        LocalDate day = today().plusDays(30);
        admin.addAbsence("anna", day, day.plusDays(6), null, "admin");
        long records = records();
        long periods = periods();
        StaffMember anna = directory.byUserId("anna").orElseThrow();

        assertRefused(() -> admin.addAbsence("anna", day, day.minusDays(1), null, "admin"), "until",
                "admin.absence.error.order");
        assertRefused(() -> admin.addAbsence("anna", null, day, null, "admin"), "from", "admin.absence.error.from");
        assertRefused(() -> admin.addAbsence("anna", today().minusDays(10), today().minusDays(1), null, "admin"),
                "until", "admin.absence.error.past");
        // overlapping: sharing the last day, inside, around, open-ended before it
        assertRefused(() -> admin.addAbsence("anna", day.plusDays(6), day.plusDays(8), null, "admin"), "from",
                "admin.absence.error.overlap");
        assertRefused(() -> admin.addAbsence("anna", day.plusDays(2), day.plusDays(3), null, "admin"), "from",
                "admin.absence.error.overlap");
        assertRefused(() -> admin.addAbsence("anna", day.minusDays(1), day.plusDays(9), null, "admin"), "from",
                "admin.absence.error.overlap");
        assertRefused(() -> admin.addAbsence("anna", day.minusDays(5), null, null, "admin"), "from",
                "admin.absence.error.overlap");
        assertRefused(() -> admin.addAbsence("anna", day.plusDays(10), null, "x".repeat(201), "admin"), "note",
                "admin.absence.error.note");
        assertRefused(() -> admin.changeWork("anna", "intet-team", 10, List.of(), "admin"), "team",
                "admin.ref.staff.error.team");
        assertRefused(() -> admin.changeWork("anna", annaBefore.teamCode(), -1, List.of(), "admin"), "capacity",
                "admin.ref.staff.error.capacity");
        assertRefused(() -> admin.changeWork("anna", annaBefore.teamCode(), 10, List.of("ukendt-emne"), "admin"),
                "competences", "admin.ref.staff.error.competences");

        assertThat(directory.byUserId("anna").orElseThrow()).isEqualTo(anna);
        assertThat(records()).isEqualTo(records);
        assertThat(periods()).isEqualTo(periods);

        // the days right before and after are free; 200 characters of emoji are a note
        admin.addAbsence("anna", day.minusDays(3), day.minusDays(1), "🌴".repeat(200), "admin");
        admin.addAbsence("anna", day.plusDays(7), day.plusDays(7), null, "admin");
        assertThat(directory.byUserId("anna").orElseThrow().absences()).hasSize(annaBefore.absences().size() + 3);
        assertThat(directory.byUserId("anna").orElseThrow().absences().get(0).note()).isEqualTo("🌴".repeat(200));
    }

    private static void assertRefused(ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FieldProblemException.class, problem -> {
            assertThat(problem.field()).isEqualTo(field);
            assertThat(problem.messageKey()).isEqualTo(key);
        });
    }

    @Test
    void twoAdminsAddingAtOnceKeepBothOrRefuseTheOverlapNeverLosingAChange() throws Exception {
        LocalDate day = today().plusDays(60);
        long records = records();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<StaffMember> one = pool.submit(() -> {
                start.await();
                return admin.addAbsence("anna", day, day.plusDays(2), "Et", "admin");
            });
            Future<StaffMember> two = pool.submit(() -> {
                start.await();
                return admin.addAbsence("anna", day.plusDays(5), day.plusDays(6), "To", "admin2");
            });
            start.countDown();
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
            assertThat(directory.byUserId("anna").orElseThrow().absences()).extracting(Absence::note)
                    .contains("Et", "To");
            assertThat(records()).isEqualTo(records + 2);
            // the record of the later one includes the earlier one: neither wrote over the other
            assertThat(jdbc.queryForObject("SELECT JSON_LENGTH(after_json, '$.absences') FROM reference_change"
                    + " WHERE entity_id = 'anna' ORDER BY id DESC LIMIT 1", Integer.class))
                    .isEqualTo(annaBefore.absences().size() + 2);

            // two overlapping at once: one is stored, the other refused
            CountDownLatch again = new CountDownLatch(1);
            List<Future<StaffMember>> both = List.of(pool.submit(() -> {
                again.await();
                return admin.addAbsence("anna", day.plusDays(20), day.plusDays(22), "Tre", "admin");
            }), pool.submit(() -> {
                again.await();
                return admin.addAbsence("anna", day.plusDays(21), day.plusDays(23), "Fire", "admin2");
            }));
            again.countDown();
            int refused = 0;
            for (Future<StaffMember> attempt : both) {
                try {
                    attempt.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(FieldProblemException.class);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(1);
            assertThat(directory.byUserId("anna").orElseThrow().absences()
                    .stream().filter(a -> "Tre".equals(a.note()) || "Fire".equals(a.note())).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void teamCapacityAndCompetencesAreChangedAndRecorded() {
        StaffMember changed = admin.changeWork("anna", annaBefore.teamCode(), 12, List.of("natur-miljoe", "aeldre"),
                "admin");

        assertThat(changed.capacity()).isEqualTo(12);
        assertThat(changed.competences()).containsExactly("aeldre", "natur-miljoe");
        assertThat(directory.byUserId("anna").orElseThrow().competences()).containsExactly("aeldre", "natur-miljoe");
        Map<String, Object> record = jdbc.queryForMap("SELECT JSON_VALUE(before_json, '$.capacity') AS b,"
                + " JSON_VALUE(after_json, '$.capacity') AS a FROM reference_change WHERE entity_kind = 'staff-profile'"
                + " AND entity_id = 'anna' ORDER BY id DESC LIMIT 1");
        assertThat(record).containsEntry("b", String.valueOf(annaBefore.capacity())).containsEntry("a", "12");
    }
}
