package dk.initiativ.admin;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.Browser;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.CaseTaskForms.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administration's story end to end in a real headless Chromium (issue 13, Tests, first bullet): an admin
 * creates a funding pool, a partner of each kind, a permit type for a department, gives a staff member the nature
 * competence (so she would come first) and an absence from today through next week, and changes the matching rule
 * (nature topics go to the team Social og sundhed). A new citizen submission is then matched by the new rule (that
 * team, skipping the absent member), planned with the new partners, permit type and pool on the case page, and
 * routed: the permit to the department's work list with the type's deadline, the application to the new pool's fund
 * officers. axe-core finds no violation on any admin page visited, in Danish and in English.
 */
@LocalModeTest
class AdministrationStoryBrowserTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final String[] KINDS = {"PARTNER", "ASSOCIATION", "VOLUNTEER", "PREMISES"};

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repository;
    @Autowired WorkingDayCalendar calendar;

    @AfterEach
    void tearDown() {
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName("matching-rules").list()) {
            repository.deleteDeployment(deployment.getId(), true);
        }
        jdbc.update("DELETE FROM matching_rule_version");
        jdbc.update("DELETE a FROM staff_absence a JOIN staff_profile p ON p.id = a.staff_profile_id"
                + " WHERE p.user_id = 'cecilie' AND a.note LIKE 'Historie %'");
        jdbc.update("DELETE c FROM staff_competence c JOIN staff_profile p ON p.id = c.staff_profile_id"
                + " WHERE p.user_id = 'cecilie' AND c.topic_code = 'natur-miljoe'");
        jdbc.update("DELETE l FROM partner_link l JOIN partner p ON p.id = l.partner_id WHERE p.name LIKE 'Historie%'");
        jdbc.update("DELETE FROM partner WHERE name LIKE 'Historie%'");
        jdbc.update("UPDATE permit_type SET active = FALSE WHERE name_da LIKE 'Historietype %'");
        jdbc.update("UPDATE funding_pool SET `open` = FALSE WHERE name LIKE 'Historiepulje %'");
    }

    @Test
    void whatTheAdminEntersMatchesPlansAndRoutesTheNextCase() {
        String word = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(COPENHAGEN);
        List<String> adminPages = new ArrayList<>();
        List<Long> partners = new ArrayList<>();
        Map<String, Object> pool;
        String typeCode;
        try (Browser browser = Browser.desktop()) {
            browser.logIn(url(""), "admin");

            // a funding pool for the fund officers
            String poolName = "Historiepulje " + word + " 🌻";
            browser.open(url("/admin/puljer/ny"));
            browser.assertAccessible();
            adminPages.add("/admin/puljer/ny");
            browser.type("#name", poolName);
            browser.type("#totalBudget", "60.000");
            browser.type("#criteria", "Natur i landsbyerne");
            browser.find("#fundOfficerGroup").clear();
            browser.type("#fundOfficerGroup", "fund-officer");
            browser.click("#pool-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/admin/puljer/[0-9]+$") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("Puljen er oprettet.");
            browser.assertAccessible();
            adminPages.add(path(browser));
            pool = jdbc.queryForMap("SELECT id, code FROM funding_pool WHERE name = ?", poolName);

            // a partner of each kind
            for (String kind : KINDS) {
                String name = "Historie" + kind.toLowerCase() + " " + word;
                browser.open(url("/admin/netvaerk/ny"));
                new Select(browser.find("#kind")).selectByValue(kind);
                browser.type("#name", name);
                browser.type("#description", "Hjælper initiativer i Tølløse");
                browser.type("#contactEmail", kind.toLowerCase() + "@example.org");
                if ("PREMISES".equals(kind)) {
                    browser.type("#address", "Stationsvej 1, 4340 Tølløse");
                    browser.type("#capacity", "40");
                }
                browser.click("label[for='topic-natur-miljoe']");
                browser.click("label[for='district-toelloese']");
                browser.click("#partner-submit");
                browser.waitUntil(driver -> driver.getCurrentUrl().matches(".*/admin/netvaerk/[0-9]+$") ? true : null);
                assertThat(browser.find("#partner-title").getText()).isEqualTo(name);
                browser.assertAccessible();
                adminPages.add(path(browser));
                partners.add(Long.valueOf(path(browser).replaceFirst(".*/", "")));
            }
            adminPages.add("/admin/netvaerk/ny");
            browser.open(url("/admin/netvaerk"));
            assertThat(browser.find("#network-table").getText()).contains("Historiepartner " + word,
                    "Historieassociation " + word, "Historievolunteer " + word, "Historiepremises " + word);
            browser.assertAccessible();
            adminPages.add("/admin/netvaerk");

            // a permit type for the department Vej og Park, decided in 6 working days
            String typeName = "Historietype " + word;
            browser.open(url("/admin/tilladelser"));
            browser.type("#type-nameDa", typeName);
            browser.type("#type-nameEn", "Story type " + word);
            new Select(browser.find("#type-departmentGroup")).selectByValue("vej-park");
            browser.find("#type-decisionDays").clear();
            browser.type("#type-decisionDays", "6");
            browser.click("#type-submit");
            browser.waitForText("Tilladelsestypen er tilføjet.");
            assertThat(browser.find("#types-table").getText()).contains(typeName, "6 arbejdsdage");
            browser.assertAccessible();
            adminPages.add("/admin/tilladelser");
            typeCode = jdbc.queryForObject("SELECT code FROM permit_type WHERE name_da = ?", String.class,
                    typeName);

            // Cecilie (Social og sundhed) now knows nature, so she comes first in her team, but she is away from
            // today through next week
            browser.open(url("/admin/medarbejdere/cecilie"));
            assertThat(browser.find("#competence-natur-miljoe").isSelected()).isFalse();
            browser.click("label[for='competence-natur-miljoe']");
            browser.click("#work-submit");
            browser.waitUntil(driver -> driver.findElements(By.id("notice")).isEmpty() ? null : true);
            assertThat(browser.find("#competence-natur-miljoe").isSelected()).isTrue();
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('from').value = arguments[0];"
                    + "document.getElementById('until').value = arguments[1];", today.toString(),
                    today.plusWeeks(1).plusDays(6).toString());
            browser.type("#note", "Historie ferie");
            browser.click("#absence-submit");
            browser.waitForText("Fraværsperioden er tilføjet.");
            assertThat(browser.find("#absence-table").getText()).contains("Historie ferie");
            browser.assertAccessible();
            adminPages.add("/admin/medarbejdere/cecilie");

            // the changed rule: nature topics go to Social og sundhed (the first rule, which wins, gets the topic)
            browser.open(url("/admin/regler"));
            browser.find("#dmn-editor[data-ready='true']");
            browser.assertAccessible();
            browser.click("#xml-details summary");
            ((JavascriptExecutor) browser.driver()).executeScript("var f = document.getElementById('xml');"
                    + "f.value = f.value.split('\"social-faellesskab\",\"aeldre\",\"boern-unge\"')"
                    + ".join('\"social-faellesskab\",\"aeldre\",\"boern-unge\",\"natur-miljoe\"');"
                    + "f.dispatchEvent(new Event('change'));");
            browser.click("#dry-run-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/regler/proeve") ? true : null);
            assertThat(browser.find("#dry-run-summary").getText()).startsWith("Tabellen er prøvet på");
            browser.find("#dmn-editor[data-ready='true']");
            browser.assertAccessible();
            browser.click("#deploy-submit");
            browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/admin/regler") ? true : null);
            assertThat(browser.find("#notice").getText()).contains("er udrullet");
            browser.find("#dmn-editor[data-ready='true']");
            browser.assertAccessible();
            adminPages.add("/admin/regler");

            browser.open(url("/admin/aendringer"));
            assertThat(browser.find("#changes-table").getText()).contains(poolName, "af admin");
            browser.assertAccessible();
            adminPages.add("/admin/aendringer");

            // every admin page visited, in English
            for (String page : adminPages) {
                browser.open(url(page + "?lang=en"));
                assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
                if (page.equals("/admin/regler")) {
                    browser.find("#dmn-editor[data-ready='true']");
                }
                browser.assertAccessible();
            }
            browser.open(url("/admin?lang=da"));
        }

        // a new submission: matched by the new rule, the absent member skipped (Dorte is away in the demo data too)
        ApiClient api = new ApiClient(http);
        String caseNumber = api.submit("Vild blomstereng i Tølløse " + word, "natur-miljoe", "toelloese",
                List.of("FUNDING", "PERMITS", "PARTNERS")).caseNumber();
        // intake screens, the proposed contact person accepts, writes the agreement and lays the plan on the case page
        try (Browser browser = Browser.desktop()) {
            openTask(browser, url(""), "intake", caseNumber, TASK_SCREEN_INITIATIVE);
            choose(browser, TASK_SCREEN_INITIATIVE, "screeningDecision", "accept");
            complete(browser, TASK_SCREEN_INITIATIVE);
            backInTheInbox(browser);
            String contact = waitForContactPerson(api, caseNumber);
            assertThat(jdbc.queryForObject("SELECT team_code FROM initiative WHERE case_number = ?", String.class,
                    caseNumber)).isEqualTo("social-sundhed");
            assertThat(contact).isEqualTo("emil");

            openTask(browser, url(""), contact, caseNumber, TASK_ACCEPT_CASE);
            choose(browser, TASK_ACCEPT_CASE, "caseAccepted", "true");
            complete(browser, TASK_ACCEPT_CASE);
            backInTheInbox(browser);
            openTask(browser, url(""), contact, caseNumber, TASK_FIRST_CONTACT);
            type(browser, TASK_FIRST_CONTACT, "willDo", "Hjælpe med ansøgning, tilladelse og partnere");
            type(browser, TASK_FIRST_CONTACT, "willNotDo", "Så engen");
            type(browser, TASK_FIRST_CONTACT, "whoDoesWhat", "Borgerne sår, kommunen rådgiver");
            type(browser, TASK_FIRST_CONTACT, "nextSteps", "Ansøgning til puljen");
            complete(browser, TASK_FIRST_CONTACT);
            backInTheInbox(browser);

            openTask(browser, url(""), contact, caseNumber, TASK_PLAN_SUPPORT);
            tick(browser, TASK_PLAN_SUPPORT, "needsFunding");
            select(browser, TASK_PLAN_SUPPORT, "fundingPool", (String) pool.get("code"));
            type(browser, TASK_PLAN_SUPPORT, "fundingAmount", "15.000");
            type(browser, TASK_PLAN_SUPPORT, "fundingPurpose", "Frø og skilte");
            tick(browser, TASK_PLAN_SUPPORT, "needsPermits");
            choose(browser, TASK_PLAN_SUPPORT, "permitTypes", typeCode);
            tick(browser, TASK_PLAN_SUPPORT, "needsPartners");
            for (Long partner : partners) {
                choose(browser, TASK_PLAN_SUPPORT, "partnerIds", String.valueOf(partner));
            }
            browser.assertAccessible();
            complete(browser, TASK_PLAN_SUPPORT);
            backInTheInbox(browser);
        }

        Map<String, Object> permit = jdbc.queryForMap("SELECT p.permit_type_code, p.department_group, p.due_date"
                + " FROM permit_requirement p JOIN initiative i ON i.id = p.initiative_id WHERE i.case_number = ?",
                caseNumber);
        assertThat(permit.get("department_group")).isEqualTo("vej-park");
        assertThat(permit.get("permit_type_code")).isEqualTo(typeCode);
        assertThat(((java.sql.Date) permit.get("due_date")).toLocalDate())
                .isEqualTo(calendar.addWorkingDays(today, 6));
        assertThat(api.taskOrNull("vibeke", caseNumber, TASK_DECIDE_PERMIT)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT f.pool_id FROM funding_application f JOIN initiative i"
                + " ON i.id = f.initiative_id WHERE i.case_number = ?", Long.class, caseNumber))
                .isEqualTo(((Number) pool.get("id")).longValue());
        assertThat(api.taskOrNull("fund", caseNumber, TASK_DECIDE_FUNDING)).isNotNull();
        assertThat(jdbc.queryForList("SELECT l.partner_id FROM partner_link l JOIN initiative i"
                + " ON i.id = l.initiative_id WHERE i.case_number = ?", Long.class, caseNumber))
                .containsExactlyInAnyOrderElementsOf(partners);
    }

    private static String path(Browser browser) {
        return browser.currentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
