package dk.initiativ.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dk.initiativ.casework.Inbox;
import dk.initiativ.casework.InboxQuery;
import dk.initiativ.casework.InboxRow;
import dk.initiativ.casework.InboxSort;
import dk.initiativ.casework.InboxView;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_AWAIT_INFORMATION;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP_PARTNERS;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_REASSIGN_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo initiatives of the embedded run reach every stage through the real process. */
@LocalModeTest
class DemoCasesTest {

    @Autowired DemoCases demoCases;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtimeService;
    @Autowired Inbox inbox;

    @Test
    void aboutThirtyInitiativesSpreadOverEveryStage() {
        Integer mailsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class);
        demoCases.seed();

        // made-up history: no receipt, milestone, decision or staff notice leaves for it (the job executor is off)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox", Integer.class)).isEqualTo(mailsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '%@borger.example.org'",
                Integer.class)).isZero();

        List<Map<String, Object>> rows = jdbc.queryForList("SELECT case_number, stage, outcome FROM initiative"
                + " WHERE contact_email LIKE '%@borger.example.org'");
        assertThat(rows).hasSize(30);
        assertThat(rows.stream().map(row -> (String) row.get("stage")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("SUBMITTED", "AWAITING_INFORMATION", "ACCEPTED", "MATCHED", "AGREED", "CLOSED");
        assertThat(rows.stream().map(row -> (String) row.get("outcome")).filter(o -> o != null).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("REALISED", "NOT_REALISED", "INACTIVE", "REDIRECTED", "DUPLICATE", "WITHDRAWN");

        // the demo citizen's "my initiatives", and the showcase's consented realised initiatives
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE citizen_user_id = 'citizen'"
                + " AND contact_email LIKE '%@borger.example.org'", Integer.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative WHERE publication_consent AND outcome = 'REALISED'"
                + " AND contact_email LIKE '%@borger.example.org'", Integer.class)).isEqualTo(3);

        Set<String> caseNumbers = rows.stream().map(row -> (String) row.get("case_number")).collect(Collectors.toSet());
        Set<String> waitingAt = runtimeService.createProcessInstanceQuery().processDefinitionKey("initiative").list().stream()
                .filter(instance -> caseNumbers.contains(instance.getBusinessKey()))
                .flatMap(instance -> runtimeService.getActiveActivityIds(instance.getId()).stream())
                .collect(Collectors.toSet());
        // what Cockpit shows: running instances at each waiting point of the journey
        assertThat(waitingAt).contains(TASK_SCREEN_INITIATIVE, TASK_AWAIT_INFORMATION, TASK_ACCEPT_CASE,
                TASK_REASSIGN_CASE, TASK_FIRST_CONTACT, TASK_PLAN_SUPPORT, TASK_DECIDE_FUNDING, TASK_DECIDE_PERMIT,
                TASK_FOLLOW_UP_PARTNERS, TASK_FOLLOW_UP);

        // every demo staff member's inbox has demo cases in it, and some citizen messages wait unread
        Map<String, InboxView> firstView = Map.ofEntries(Map.entry("intake", InboxView.GROUP_TASKS),
                Map.entry("fund", InboxView.GROUP_TASKS), Map.entry("frode", InboxView.GROUP_TASKS),
                Map.entry("vibeke", InboxView.GROUP_TASKS), Map.entry("bent", InboxView.GROUP_TASKS),
                Map.entry("manager", InboxView.TEAM_CASES), Map.entry("mads", InboxView.TEAM_CASES),
                Map.entry("admin", InboxView.TEAM_CASES), Map.entry("contact", InboxView.MY_CASES),
                Map.entry("anna", InboxView.MY_CASES), Map.entry("bjarne", InboxView.MY_CASES),
                Map.entry("cecilie", InboxView.MY_CASES), Map.entry("emil", InboxView.MY_CASES));
        Map<String, List<String>> groups = Map.ofEntries(Map.entry("intake", List.of("intake")),
                Map.entry("fund", List.of("fund-officer")), Map.entry("frode", List.of("fund-officer")),
                Map.entry("vibeke", List.of("department", "vej-park")), Map.entry("bent", List.of("department", "byg-miljoe")),
                Map.entry("manager", List.of("manager")), Map.entry("mads", List.of("manager")),
                Map.entry("admin", List.of("admin")));
        int unread = 0;
        for (Map.Entry<String, InboxView> entry : firstView.entrySet()) {
            StaffUser user = new StaffUser(entry.getKey(), groups.getOrDefault(entry.getKey(), List.of("contact-staff")));
            // the demo cases are the newest: seeded just now
            List<InboxRow> demoRows = inbox.page(user, new InboxQuery(entry.getValue(), null, null, null, null, false,
                    null, InboxSort.NEWEST, 1, InboxQuery.MAX_PAGE_SIZE)).rows().stream()
                    .filter(row -> caseNumbers.contains(row.caseNumber())).toList();
            assertThat(demoRows).as("demo cases in %s's %s", entry.getKey(), entry.getValue()).isNotEmpty();
            unread += demoRows.stream().mapToInt(InboxRow::unreadMessages).sum();
        }
        assertThat(unread).as("unread citizen messages in the demo inboxes").isPositive();
    }
}
