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

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.web.FieldProblemException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An admin's changes to staff profiles against the embedded MariaDB (issue 13), with the engine's clock moved: an
 * absence planned for next week makes matching skip the person during it and pick them again the day after,
 * with nothing switched back; an absence ending before it starts, an unknown team or topic and a bad capacity
 * are refused with the field named and nothing stored; each change is in the change record.
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
        Optional.ofNullable(annaBefore.absence()).ifPresentOrElse(
                absence -> admin.planAbsence("anna", absence.from(), absence.until(), "test"),
                () -> admin.clearAbsence("anna", "test"));
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

    @Test
    void matchingSkipsThePersonDuringTheAbsenceAndPicksThemAgainAfter() {
        admin.clearAbsence("anna", "admin");
        LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        LocalDate friday = monday.plusDays(4);
        admin.planAbsence("anna", monday, friday, "admin");

        moveClockTo(monday.minusDays(1));
        assertThat(pick()).contains("anna");
        moveClockTo(monday);
        assertThat(pick()).isPresent().get().isNotEqualTo("anna");
        moveClockTo(friday);
        assertThat(pick()).isPresent().get().isNotEqualTo("anna");
        moveClockTo(friday.plusDays(1));
        assertThat(pick()).contains("anna");

        Map<String, Object> record = jdbc.queryForMap("SELECT changed_by, JSON_VALUE(after_json, '$.absentFrom') AS f,"
                + " JSON_VALUE(after_json, '$.absentUntil') AS u FROM reference_change WHERE entity_kind = 'staff-profile'"
                + " AND entity_id = 'anna' ORDER BY id DESC LIMIT 1");
        assertThat(record).containsEntry("changed_by", "admin").containsEntry("f", monday.toString())
                .containsEntry("u", friday.toString());
    }

    @Test
    void anAbsenceEndingBeforeItStartsIsRefusedAndNothingIsStored() {
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class);
        LocalDate day = LocalDate.of(2027, 3, 10);

        assertThatThrownBy(() -> admin.planAbsence("anna", day, day.minusDays(1), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class, problem -> {
                    assertThat(problem.field()).isEqualTo("absentUntil");
                    assertThat(problem.messageKey()).isEqualTo("admin.ref.staff.error.order");
                });
        assertThatThrownBy(() -> admin.planAbsence("anna", null, day, "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("absentFrom"));
        assertThatThrownBy(() -> admin.changeWork("anna", "intet-team", 10, List.of(), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("team"));
        assertThatThrownBy(() -> admin.changeWork("anna", annaBefore.teamCode(), -1, List.of(), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("capacity"));
        assertThatThrownBy(() -> admin.changeWork("anna", annaBefore.teamCode(), 10, List.of("ukendt-emne"), "admin"))
                .isInstanceOfSatisfying(FieldProblemException.class,
                        problem -> assertThat(problem.field()).isEqualTo("competences"));

        assertThat(directory.byUserId("anna").orElseThrow()).isEqualTo(annaBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Long.class)).isEqualTo(records);
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
