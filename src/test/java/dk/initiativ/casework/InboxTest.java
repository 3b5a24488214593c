package dk.initiativ.casework;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.ApiClient.Submitted;
import dk.initiativ.support.LocalModeTest;
import dk.initiativ.support.SessionClient;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff inbox through HTTP with real sessions: who sees what in which view, search and count; filters,
 * deadline states, unread messages, paging and the URL that carries the view. Each test counts only its own cases,
 * found by a search word of its own, as other tests add cases to the same database.
 */
@LocalModeTest
class InboxTest {

    static final List<String> CONTACT_STAFF = List.of("contact", "anna", "bjarne", "cecilie", "dorte", "emil");

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired TaskService taskService;
    @Autowired Inbox inbox;
    @LocalServerPort int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(http);
    }

    @Test
    void aContactPersonSeesTheirOwnCaseAndNoOtherContactPersonSeesItInAnyViewSearchOrCount() {
        String word = word();
        Submitted submitted = api.submit("Bænke ved søen " + word, "natur-miljoe", "holbaek-by", List.of("PARTNERS"));
        String contact = api.toSupportPlan(submitted.caseNumber());

        SessionClient own = session(contact);
        String myCases = own.get("/indbakke?visning=mine-sager&q=" + word).body();
        assertThat(rowsOf(myCases)).containsExactly(submitted.caseNumber());
        assertThat(myCases).contains("1 sag");
        String myTasks = own.get("/indbakke?visning=mine-opgaver&q=" + word).body();
        assertThat(rowsOf(myTasks)).containsExactly(submitted.caseNumber());
        assertThat(myTasks).contains("Læg støtteplan");

        for (String other : CONTACT_STAFF) {
            if (other.equals(contact)) {
                continue;
            }
            SessionClient session = session(other);
            for (InboxView view : InboxView.values()) {
                String page = session.get("/indbakke?visning=" + view.param() + "&q=" + word).body();
                assertThat(page).as("%s, %s", other, view).doesNotContain(submitted.caseNumber()).doesNotContain(word + "<");
                assertThat(rowsOf(page)).isEmpty();
            }
            // the case number as the search text, and the unfiltered counts, do not know it either
            String byNumber = session.get("/indbakke?visning=mine-sager&q=" + submitted.caseNumber()).body();
            assertThat(rowsOf(byNumber)).isEmpty();
            StaffUser user = new StaffUser(other, List.of("contact-staff"));
            assertThat(inbox.counts(user).byView().keySet()).containsExactly(InboxView.MY_TASKS, InboxView.MY_CASES);
            InboxQuery search = new InboxQuery(InboxView.MY_CASES, null, null, null, null, false, word, null, 1, 25);
            assertThat(inbox.page(user, search).total()).isZero();
            // a view the user lacks answers nothing, even when asked for directly
            assertThat(inbox.page(user, new InboxQuery(InboxView.TEAM_CASES, null, null, null, null, false, word,
                    null, 1, 25)).rows()).isEmpty();
        }
    }

    @Test
    void aDepartmentEmployeeSeesOnlyTheirDepartmentsPermitTasks() {
        String word = word();
        Submitted submitted = api.submit("Loppemarked " + word, "kultur-fritid", "holbaek-by", List.of("PERMITS"));
        String contact = api.toSupportPlan(submitted.caseNumber());
        ApiClient.ok(api.post(contact, "/api/tasks/" + api.task(contact, submitted.caseNumber(), TASK_PLAN_SUPPORT)
                + "/support-plan", Map.of("funding", false, "permits", true, "permitTypes", List.of(
                        "brug-af-offentligt-areal", "midlertidig-opstilling-af-telt"),
                "partners", false, "political", false)));

        for (String employee : List.of("vibeke", "bent")) {
            SessionClient session = session(employee);
            String group = session.get("/indbakke?visning=gruppernes-opgaver&q=" + word).body();
            assertThat(rowsOf(group)).as(employee).containsExactly(submitted.caseNumber());
            assertThat(group).contains("Afgør tilladelse").contains("1 opgave");
            // no case views, and asking for one shows their tasks instead
            assertThat(group).doesNotContain("view-mine-sager").doesNotContain("view-teamets-sager");
            String team = session.get("/indbakke?visning=teamets-sager&q=" + word).body();
            assertThat(team).contains("id=\"view-heading\">Mine opgaver<");
        }
        // each sees one permit task: their own department's
        StaffUser vibeke = new StaffUser("vibeke", List.of("department", "vej-park"));
        InboxPage page = inbox.page(vibeke, new InboxQuery(InboxView.GROUP_TASKS, null, null, null, null, false, word,
                null, 1, 25));
        assertThat(page.rows()).singleElement().satisfies(row -> {
            assertThat(row.taskKey()).isEqualTo("Task_DecidePermit");
            List<String> groups = taskService.getIdentityLinksForTask(row.taskId()).stream()
                    .map(link -> link.getGroupId()).toList();
            assertThat(groups).containsExactly("vej-park");
        });
        // a department member who holds no permit group sees nothing of it
        StaffUser other = new StaffUser("someone", List.of("department", "kultur"));
        assertThat(inbox.page(other, new InboxQuery(InboxView.GROUP_TASKS, null, null, null, null, false, word,
                null, 1, 25)).total()).isZero();
    }

    @Test
    void aCitizenGetsNoInboxAndAnAnonymousVisitorIsSentToTheLogin() {
        assertThat(session("citizen").get("/indbakke").statusCode()).isEqualTo(403);
        SessionClient browser = new SessionClient(port);
        HttpResponse<String> anonymous = browser.send(browser.request("/indbakke?visning=mine-sager")
                .header("Accept", "text/html").GET().build());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void staffLandInTheirInboxAfterLoggingInAndTheNavigationLeadsThere() {
        SessionClient session = new SessionClient(port);
        HttpResponse<String> login = logInAnswer(session, "intake");
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/indbakke");
        assertThat(session.get("/indbakke").body()).contains("id=\"nav-inbox\"");
        HttpResponse<String> citizen = logInAnswer(new SessionClient(port), "citizen");
        assertThat(citizen.headers().firstValue("Location").orElse("")).endsWith("/my");
        assertThat(session("citizen").get("/my").body()).doesNotContain("nav-inbox");
    }

    @Test
    void searchTextWithSqlCharactersOrEmojiIsPlainText() {
        String word = word();
        Submitted flower = api.submit("Blomster 🌻 " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        api.submit("Andet 100% " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        SessionClient intake = session("intake");

        assertThat(rowsOf(intake.get(groupSearch("🌻 " + word)).body())).containsExactly(flower.caseNumber());
        assertThat(rowsOf(intake.get(groupSearch(word)).body())).hasSize(2);
        // LIKE's wildcards match only themselves
        assertThat(rowsOf(intake.get(groupSearch("100% " + word)).body())).hasSize(1);
        assertThat(rowsOf(intake.get(groupSearch("%" + word)).body())).isEmpty();
        assertThat(rowsOf(intake.get(groupSearch("_lomster")).body())).isEmpty();
        for (String hostile : List.of("' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE initiative; --", "\\", "😀👩‍👩‍👧",
                "a".repeat(5000))) {
            HttpResponse<String> page = intake.get(groupSearch(hostile));
            assertThat(page.statusCode()).as(hostile).isEqualTo(200);
            assertThat(rowsOf(page.body())).as(hostile).isEmpty();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class)).isPositive();
    }

    @Test
    void filtersDeadlineStatesAndTheNextDeadlineOfACase() {
        String word = word();
        Submitted late = api.submit("Sen sag " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        Submitted soon = api.submit("Snart sag " + word, "kultur-fritid", "tuse-naes", List.of("FUNDING"));
        setDue(late.caseNumber(), Instant.now().minus(3, ChronoUnit.DAYS));
        SessionClient intake = session("intake");

        String all = intake.get(groupSearch(word)).body();
        assertThat(rowsOf(all)).hasSize(2);
        assertThat(row(all, late.caseNumber())).contains("inbox-due-overdue").contains("<strong>Overskredet</strong>")
                .containsPattern("svg-icons/error[-0-9a-f]*\\.svg\" alt=\"\"");
        assertThat(row(all, soon.caseNumber())).doesNotContain("Overskredet");
        // soonest deadline first: the overdue case leads
        assertThat(rowsOf(all).get(0)).isEqualTo(late.caseNumber());

        assertThat(rowsOf(intake.get(groupSearch(word) + "&frist=overskredet").body()))
                .containsExactly(late.caseNumber());
        assertThat(rowsOf(intake.get(groupSearch(word) + "&emne=kultur-fritid").body()))
                .containsExactly(soon.caseNumber());
        assertThat(rowsOf(intake.get(groupSearch(word) + "&bydel=tuse-naes&fase=submitted").body()))
                .containsExactly(soon.caseNumber());
        assertThat(rowsOf(intake.get(groupSearch(word) + "&fase=agreed").body())).isEmpty();
        // unknown values are ignored, not an error
        assertThat(intake.get(groupSearch(word) + "&fase=nonsense&frist=igaar&side=-3&antal=7&sortering=x")
                .statusCode()).isEqualTo(200);
        // the case's next deadline follows its tasks' due dates (NextDeadlines)
        Timestamp next = jdbc.queryForObject("SELECT next_due_at FROM initiative WHERE case_number = ?",
                Timestamp.class, late.caseNumber());
        assertThat(next.toInstant()).isBefore(Instant.now());
    }

    @Test
    void unreadCitizenMessagesAreCountedUntilTheContactPersonOpensTheCase() {
        String word = word();
        Submitted submitted = api.submit("Fællesspisning " + word, "kultur-fritid", "holbaek-by", List.of("PARTNERS"));
        String contact = api.toSupportPlan(submitted.caseNumber());
        SessionClient session = session(contact);
        assertThat(rowsOf(session.get(myCases(word) + "&ulaeste=true").body())).isEmpty();

        http.postForEntity("/api/citizen/" + submitted.token() + "/messages",
                new HttpEntity<>(Map.of("body", "Hej, vi er klar 🎉"), ApiClient.json()), Map.class);
        String page = session.get(myCases(word)).body();
        assertThat(row(page, submitted.caseNumber())).contains("1 ulæst");
        assertThat(rowsOf(session.get(myCases(word) + "&ulaeste=true").body())).containsExactly(submitted.caseNumber());

        // a manager's visit does not read them for the contact person
        assertThat(session("admin").get("/cases/" + submitted.caseNumber()).statusCode()).isEqualTo(200);
        assertThat(rowsOf(session.get(myCases(word) + "&ulaeste=true").body())).containsExactly(submitted.caseNumber());

        assertThat(session.get("/cases/" + submitted.caseNumber()).statusCode()).isEqualTo(200);
        assertThat(row(session.get(myCases(word)).body(), submitted.caseNumber())).doesNotContain("ulæst");
        assertThat(rowsOf(session.get(myCases(word) + "&ulaeste=true").body())).isEmpty();
    }

    @Test
    void pagesNeitherSkipNorRepeatAndEveryLinkKeepsTheView() {
        String word = word();
        for (int i = 0; i < 12; i++) {
            api.submit("Side " + i + " " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        }
        SessionClient intake = session("intake");
        String first = intake.get(groupSearch(word) + "&antal=10").body();
        String second = intake.get(groupSearch(word) + "&antal=10&side=2").body();
        assertThat(rowsOf(first)).hasSize(10);
        assertThat(rowsOf(second)).hasSize(2).doesNotContainAnyElementsOf(rowsOf(first));
        assertThat(first).contains("Side 1 af 2").contains("12 opgaver");
        String here = "/indbakke?visning=gruppernes-opgaver&q=" + word + "&antal=10";
        assertThat(first).contains("href=\"" + (here + "&side=2").replace("&", "&amp;") + "\"");
        // a case link carries the inbox URL, so that the case page can lead back to the same view
        // (a query value may hold '/' and '?' as they are, RFC 3986)
        assertThat(second).contains("?fra=/indbakke?visning%3Dgruppernes-opgaver%26q%3D" + word
                + "%26antal%3D10%26side%3D2\"");
        assertThat(rowsOf(intake.get(groupSearch(word) + "&antal=10&side=9").body())).isEmpty();
    }

    @Test
    void anUnfilteredTaskListCutFromTheTaskTableAloneIsTheSameListAsTheJoinedOne() {
        for (int i = 0; i < 3; i++) {
            api.submit("Opgaveliste " + i + " " + word(), "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        }
        StaffUser intake = new StaffUser("intake", List.of("intake"));
        StaffUser contact = new StaffUser("contact", List.of("contact-staff"));
        // soonest deadline first without filters: counted and cut on ACT_RU_TASK, joined to the case for the page only
        List<String> queue = taskIds(intake, InboxView.GROUP_TASKS, InboxSort.DEADLINE);
        List<String> mine = taskIds(contact, InboxView.MY_TASKS, InboxSort.DEADLINE);
        assertThat(queue).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(taskIds(intake, InboxView.GROUP_TASKS, InboxSort.CASE_NUMBER));
        assertThat(mine).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(taskIds(contact, InboxView.MY_TASKS, InboxSort.CASE_NUMBER));
        assertThat(inbox.page(intake, InboxQuery.of(InboxView.GROUP_TASKS)).total()).isEqualTo(queue.size())
                .isEqualTo(taskService.createTaskQuery().taskCandidateGroup("intake").taskUnassigned().count());
        assertThat(inbox.counts(contact).byView().get(InboxView.MY_TASKS)).isEqualTo(mine.size())
                .isEqualTo(taskService.createTaskQuery().taskAssignee("contact").count());
        List<Instant> dues = inbox.page(intake, InboxQuery.of(InboxView.GROUP_TASKS)).rows().stream()
                .map(InboxRow::due).filter(java.util.Objects::nonNull).toList();
        assertThat(dues).isSorted();
    }

    private List<String> taskIds(StaffUser user, InboxView view, InboxSort sort) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            InboxPage result = inbox.page(user,
                    new InboxQuery(view, null, null, null, null, false, null, sort, page, InboxQuery.MAX_PAGE_SIZE));
            if (result.rows().isEmpty()) {
                return ids;
            }
            result.rows().forEach(row -> ids.add(row.taskId()));
        }
    }

    @Test
    void aManagerSeesTheCasesOfTheTeamTheyLeadOnly() {
        String word = word();
        Submitted submitted = api.submit("Naturlegeplads " + word, "natur-miljoe", "holbaek-by", List.of("PARTNERS"));
        api.toSupportPlan(submitted.caseNumber());
        String manager = jdbc.queryForObject("SELECT m.user_id FROM initiative i JOIN team t ON t.code = i.team_code"
                + " JOIN team_manager m ON m.team_id = t.id AND m.position = 0 WHERE i.case_number = ?", String.class,
                submitted.caseNumber());
        String otherManager = "manager".equals(manager) ? "mads" : "manager";

        String page = session(manager).get("/indbakke?visning=teamets-sager&q=" + word).body();
        assertThat(rowsOf(page)).containsExactly(submitted.caseNumber());
        assertThat(session(otherManager).get("/indbakke?visning=teamets-sager&q=" + word).body())
                .doesNotContain(submitted.caseNumber());
        assertThat(rowsOf(session("admin").get("/indbakke?visning=teamets-sager&q=" + word).body()))
                .containsExactly(submitted.caseNumber());
    }

    @Test
    void takingAGroupTaskReturnsToTheSameViewWithAConfirmationAndNeverLeavesTheSite() {
        String word = word();
        Submitted first = api.submit("Kø et " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        Submitted second = api.submit("Kø to " + word, "natur-miljoe", "holbaek-by", List.of("FUNDING"));
        SessionClient intake = session("intake");
        String view = groupSearch(word) + "&sortering=sagsnummer";
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(first.caseNumber()).singleResult().getId();

        HttpResponse<String> claimed = claim(intake, taskId, view);
        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(claimed.headers().firstValue("Location").orElse("")).endsWith(view);
        String back = intake.get(view).body();
        assertThat(back).contains("id=\"notice\"").contains("Opgaven er din nu.");
        assertThat(rowsOf(back)).containsExactly(second.caseNumber());
        assertThat(rowsOf(intake.get("/indbakke?visning=mine-opgaver&q=" + word).body()))
                .containsExactly(first.caseNumber());
        // the confirmation is shown once
        assertThat(intake.get(view).body()).doesNotContain("id=\"notice\"");

        // a claimed task again, by someone who could have claimed it: 409; by someone of another group: 403, so they
        // learn nothing of who holds it; someone else's group's task: 403; a foreign address to return to: the inbox
        assertThat(claim(session("admin"), taskId, view).statusCode()).isEqualTo(409);
        assertThat(claim(session("anna"), taskId, view).statusCode()).isEqualTo(403);
        String secondTask = taskService.createTaskQuery().processInstanceBusinessKey(second.caseNumber()).singleResult()
                .getId();
        assertThat(claim(session("vibeke"), secondTask, view).statusCode()).isEqualTo(403);
        for (String foreign : List.of("https://evil.example/indbakke", "//evil.example", "/indbakke.evil", "/\\evil",
                "/indbakke?x=\r\nSet-Cookie:a=b")) {
            assertThat(InboxController.inboxUrlOr(foreign)).as(foreign).isEqualTo("/indbakke");
        }
        HttpResponse<String> toForeign = claim(intake, secondTask, "https://evil.example/");
        assertThat(toForeign.headers().firstValue("Location").orElse("")).endsWith("/indbakke");
    }

    @Test
    void aCasesNextDeadlineFollowsItsTasksAndAnExistingDatabaseGetsItFilledIn() throws Exception {
        String word = word();
        Submitted submitted = api.submit("Frister " + word, "natur-miljoe", "holbaek-by", List.of("PARTNERS"));
        api.toSupportPlan(submitted.caseNumber());
        // screening, acceptance and first contact are done: the support plan's due date is the next deadline
        Task plan = taskService.createTaskQuery().processInstanceBusinessKey(submitted.caseNumber()).singleResult();
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(TASK_PLAN_SUPPORT);
        assertThat(nextDue(submitted.caseNumber())).isEqualTo(plan.getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS));

        // V15 fills the column in for the open cases of a database from before the inbox
        jdbc.update("UPDATE initiative SET next_due_at = NULL WHERE case_number = ?", submitted.caseNumber());
        try (var connection = jdbc.getDataSource().getConnection()) {
            new db.migration.V15__next_deadlines_from_open_tasks().migrate(new org.flywaydb.core.api.migration.Context() {
                @Override
                public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
                    return null;
                }

                @Override
                public java.sql.Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(nextDue(submitted.caseNumber())).isEqualTo(plan.getDueDate().toInstant().truncatedTo(ChronoUnit.SECONDS));
    }

    // ---

    private Instant nextDue(String caseNumber) {
        Timestamp due = jdbc.queryForObject("SELECT next_due_at FROM initiative WHERE case_number = ?", Timestamp.class,
                caseNumber);
        return due == null ? null : due.toInstant();
    }

    private HttpResponse<String> claim(SessionClient session, String taskId, String back) {
        String csrf = session.csrfTokenOf("/indbakke");
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&opgave=" + taskId + "&tilbage="
                + URLEncoder.encode(back, StandardCharsets.UTF_8);
        return session.send(session.request("/indbakke/tag").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private void setDue(String caseNumber, Instant due) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(TASK_SCREEN_INITIATIVE).singleResult();
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
    }

    private SessionClient session(String user) {
        return new SessionClient(port).logIn(user);
    }

    private HttpResponse<String> logInAnswer(SessionClient session, String user) {
        String csrf = session.csrfTokenOf("/login");
        String form = "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&username=" + user + "&password="
                + ApiClient.PASSWORD;
        HttpResponse<String> answer = session.send(session.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer;
    }

    static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static String groupSearch(String text) {
        return "/indbakke?visning=gruppernes-opgaver&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String myCases(String text) {
        return "/indbakke?visning=mine-sager&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static final Pattern ROW = Pattern.compile("<tr data-case=\"([^\"]+)\"");

    /** The case numbers of the page's rows, in order. */
    static List<String> rowsOf(String page) {
        Matcher matcher = ROW.matcher(page);
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1));
        }
        return rows;
    }

    /** The HTML of the case's row. */
    static String row(String page, String caseNumber) {
        int start = page.indexOf("<tr data-case=\"" + caseNumber + "\"");
        assertThat(start).as("row of %s", caseNumber).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
