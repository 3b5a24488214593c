package dk.initiativ.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static dk.initiativ.process.InitiativeProcess.TASK_ACCEPT_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_CLOSE_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_FUNDING;
import static dk.initiativ.process.InitiativeProcess.TASK_DECIDE_PERMIT;
import static dk.initiativ.process.InitiativeProcess.TASK_FIRST_CONTACT;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP;
import static dk.initiativ.process.InitiativeProcess.TASK_FOLLOW_UP_PARTNERS;
import static dk.initiativ.process.InitiativeProcess.TASK_PLAN_SUPPORT;
import static dk.initiativ.process.InitiativeProcess.TASK_REASSIGN_CASE;
import static dk.initiativ.process.InitiativeProcess.TASK_RECORD_POLITICAL_DECISION;
import static dk.initiativ.process.InitiativeProcess.TASK_SCREEN_INITIATIVE;
import static dk.initiativ.support.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case e-mails end to end: cases driven through the HTTP API (timers by Camunda's clock), the outbox
 * sent by the test ({@code MailSender.sendDue()}) to a real GreenMail, each mail asserted to arrive once,
 * in the citizen's language, with a tracking link that opens that very case.
 */
@LocalModeTest
class CaseMailsTest {

    private static final String INTAKE = "ida.visitation@example.org";
    private static final Pattern TRACKING_LINK = Pattern.compile("http://localhost:8080/track/([A-Za-z0-9_-]+)");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(3125, "localhost", ServerSetup.PROTOCOL_SMTP));

    @Autowired TestRestTemplate http;
    @Autowired MailSender sender;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired Cases cases;
    @Autowired SubmissionService submissions;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired Clock clock;

    ApiClient api;
    String tag;
    /** Message ids of the mails a test has taken already. */
    Set<String> seen = new HashSet<>();

    @BeforeEach
    void drainOtherMails() {
        api = new ApiClient(http);
        sender.sendDue();
        purge();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A received mail: subject, plain text and HTML. */
    record Mail(String id, String to, String subject, String text, String html) {
    }

    @Test
    void anEnglishCitizenGetsEveryMailOfTheJourneyOnceInEnglishWithTheirLink() {
        String citizen = "jane-" + tag + "@example.org";
        String title = "<script>alert('x')</script> Benches by the harbour";
        Map<?, ?> receipt = submit(title, "natur-miljoe", "tuse-naes", citizen, "en", List.of("FUNDING", "PERMITS"));
        String caseNumber = (String) receipt.get("caseNumber");

        Mail received = theOnlyMail(citizen, "Thank you for your initiative");
        assertThat(received.subject()).isEqualTo("Thank you for your initiative – case " + caseNumber);
        assertThat(received.text()).contains("Dear Jane Citizen", caseNumber, "What happens now?",
                "“" + title + "”");
        // a citizen's markup is text in the HTML part, never markup
        assertThat(received.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(")
                .contains("lang=\"en\"");
        assertOpensTheCase(received, caseNumber);

        // intake asks; the citizen gets the question, then a reminder after 7 working days
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "request-information", "note", "How many benches & where <exactly>?")));
        Mail question = theOnlyMail(citizen, "We have a question");
        assertThat(question.text()).contains("How many benches & where <exactly>?", "Answer the question");
        assertThat(question.html()).contains("How many benches &amp; where &lt;exactly&gt;?");
        assertOpensTheCase(question, caseNumber);

        fire(caseNumber, InitiativeProcess.TIMER_INFORMATION_REMINDER);
        Mail reminder = theOnlyMail(citizen, "Reminder: we are waiting for your answer");
        assertThat(reminder.text()).contains("How many benches & where <exactly>?");
        assertOpensTheCase(reminder, caseNumber);

        ok(http.postForEntity("/api/citizen/" + tokenIn(reminder) + "/answer",
                new HttpEntity<>(Map.of("answer", "Three, along the pier."), json("en")), Map.class));
        assertThat(mailsTo(citizen)).isEmpty(); // an answer from the citizen sends nothing back
        // intake screens again: told in Danish, with a link to the staff case page, never the answer itself
        Mail answered = theOnlyMail(INTAKE, "Borgeren har svaret");
        assertThat(answered.subject()).isEqualTo("Borgeren har svaret: " + caseNumber);
        assertThat(answered.text()).contains("Kære Ida Visitation", "http://localhost:8080/cases/" + caseNumber)
                .doesNotContain("Three, along the pier", "/camunda/app/tasklist", "Tasklist");

        // accepted: the proposed contact person is told (in Danish), then the citizen gets their name
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String contact = (String) api.initiative(caseNumber).get("contactPerson");
        Map<?, ?> person = staff(contact);
        Mail proposed = theOnlyMail((String) person.get("email"), caseNumber);
        assertThat(proposed.subject()).isEqualTo("Ny sag til dig: " + caseNumber);
        assertThat(proposed.text()).contains("foreslået til dig som kontaktperson",
                "http://localhost:8080/cases/" + caseNumber).doesNotContain("/camunda/app/tasklist", "Tasklist");
        Mail accepted = theOnlyMail(citizen, "Your initiative has been accepted");
        assertThat(accepted.text()).contains("finding a contact person");
        assertOpensTheCase(accepted, caseNumber);
        assertThat(proposed.html()).contains("href=\"http://localhost:8080/cases/" + caseNumber + "\"");
        assertThat(proposed.html()).doesNotContain("<script>");

        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)));
        Mail assigned = theOnlyMail(citizen, "You have a contact person");
        assertThat(assigned.text()).contains((String) person.get("displayName"), (String) person.get("email"),
                "Phone");
        assertOpensTheCase(assigned, caseNumber);
        assertThat(mailsTo((String) person.get("email"))).isEmpty(); // who accepts needs no mail about it

        // a message from the contact person: the mail says so and links to it, without the message itself
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FIRST_CONTACT) + "/agreement", Map.of(
                "willDo", "Apply for funding with you", "willNotDo", "Build the benches", "whoDoesWhat", "You build",
                "nextSteps", "Meet in March")));
        Mail agreement = theOnlyMail(citizen, "Your agreement has been written down");
        // a notice: the agreement itself stays on the tracking page
        assertThat(agreement.text()).contains("Read the agreement on your case page")
                .doesNotContain("Apply for funding with you", "Build the benches");
        assertOpensTheCase(agreement, caseNumber);
        ok(api.post(contact, "/api/initiatives/" + caseNumber + "/messages",
                Map.of("body", "Private: the key code is 4711")));
        Mail message = theOnlyMail(citizen, "New message about your initiative");
        assertThat(message.text()).contains((String) person.get("displayName")).doesNotContain("4711");
        assertOpensTheCase(message, caseNumber);

        // support plan: funding (rejected) and two permits (one approved, one refused)
        Map<String, Object> plan = new HashMap<>(Map.of("funding", true, "fundingPool", "groen-pulje",
                "fundingAmount", 12000, "fundingPurpose", "Wood", "permits", true, "partners", false,
                "political", false));
        // two permit types an admin adds for this case (ADR 0045: permits only from types); one name with markup
        plan.put("permitTypes", List.of(permitType("Use of the pier " + tag), permitType("Bonfire <b> " + tag)));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan", plan));
        // one step, four milestones (plan, fund application, two permits): one mail listing them
        Mail planned = theOnlyMail(citizen, "The support plan for your initiative is ready");
        assertThat(planned.text()).contains("4 things have happened", "## The support plan is made",
                "## Application to a funding pool", "Grøn pulje", "DKK 12,000", "## Permit applied for", "Use of the pier",
                "Bonfire <b>");
        assertThat(planned.html()).contains("Bonfire &lt;b&gt;").doesNotContain("Bonfire <b>");
        assertThat(mailsTo(citizen)).isEmpty();

        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING) + "/funding-decision",
                Map.of("granted", false, "reason", "The pool is for trees this year.")));
        Mail rejected = theOnlyMail(citizen, "Answer to your funding application");
        assertThat(rejected.text()).contains("Grøn pulje", "The pool is for trees this year.");
        assertOpensTheCase(rejected, caseNumber);

        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_PERMIT) + "/permit-decision",
                Map.of("approved", true)));
        Mail approved = theOnlyMail(citizen, "Your permit has been granted");
        String firstPermit = approved.text().contains("Use of the pier") ? "Use of the pier" : "Bonfire <b>";
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_PERMIT) + "/permit-decision",
                Map.of("approved", false, "reason", "Not in the dry season.")));
        // the last decision completes the support plan in the same step: one mail, the decision first
        Mail refused = theOnlyMail(citizen, "Answer about a permit");
        assertThat(refused.text()).contains("Not in the dry season.", "## The support plan is completed")
                .contains(firstPermit.equals("Use of the pier") ? "Bonfire <b>" : "Use of the pier");
        assertThat(refused.text().indexOf("Not in the dry season.")).isLessThan(
                refused.text().indexOf("## The support plan is completed"));
        assertThat(approved.html() + refused.html()).contains("Bonfire &lt;b&gt;").doesNotContain("<b>");

        // follow-up to the end: closed with outcome, message and the survey link
        fire(caseNumber, InitiativeProcess.TIMER_FOLLOW_UP_DUE);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 100, "milestone", "Benches are up", "done", true)));
        Mail progress = theOnlyMail(citizen, "An update on your initiative");
        assertThat(progress.text()).contains("100% done").doesNotContain("Benches are up");
        assertOpensTheCase(progress, caseNumber);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_CLOSE_CASE) + "/closure",
                Map.of("outcome", "REALISED", "message", "Thank you! Enjoy the benches.")));
        Mail closed = theOnlyMail(citizen, "Your case is closed");
        assertThat(closed.text()).contains("The initiative has been carried out", "Thank you! Enjoy the benches.",
                "Answer the survey");
        String token = assertOpensTheCase(closed, caseNumber);
        assertThat(closed.text()).contains("http://localhost:8080/track/" + token + "/survey");
        assertThat(closed.html()).contains("href=\"http://localhost:8080/track/" + token + "/survey\"");

        // nothing was sent twice
        sender.sendDue();
        assertThat(mailsTo(citizen)).isEmpty();
    }

    @Test
    void staffHearOfEscalationChoiceAndReassignmentAndTheDanishCitizenOfGrantAndNewContact() {
        String citizen = "else-" + tag + "@example.org";
        Map<?, ?> receipt = submit("Seniordans " + tag, "aeldre", "holbaek-by", citizen, "da", List.of("FUNDING"));
        String caseNumber = (String) receipt.get("caseNumber");
        Mail receiptMail = theOnlyMail(citizen, "Tak for dit initiativ");
        assertThat(receiptMail.text()).contains("Kære Jane Citizen", "Hvad sker der nu?", "Se din sag");
        assertThat(receiptMail.html()).contains("lang=\"da\"");
        assertOpensTheCase(receiptMail, caseNumber);

        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String first = (String) api.initiative(caseNumber).get("contactPerson");
        theOnlyMail((String) staff(first).get("email"), caseNumber);

        // nobody accepts in time: the team's manager (Mads, social-sundhed; no staff profile) is told
        fire(caseNumber, InitiativeProcess.TIMER_ACCEPTANCE_OVERDUE);
        Mail escalated = theOnlyMail("mads.bech@example.org", caseNumber);
        assertThat(escalated.subject()).isEqualTo("Sag " + caseNumber + " mangler en kontaktperson");
        assertThat(escalated.text()).contains("Kære Mads Bech", "Vælg en kontaktperson",
                        "http://localhost:8080/cases/" + caseNumber)
                .doesNotContain("linket til din sag");
        assertThat(mailsTo("mette.leder@example.org")).isEmpty(); // the other team's manager is not bothered

        // the manager chooses the team's other colleague: told; accepts; the citizen gets name and number
        String chosen = first.equals("cecilie") ? "emil" : "cecilie";
        Map<?, ?> person = staff(chosen);
        ok(api.post("mads", "/api/tasks/" + api.task("mads", caseNumber, TASK_REASSIGN_CASE) + "/reassignment",
                Map.of("contactPerson", chosen)));
        assertThat(theOnlyMail((String) person.get("email"), caseNumber).subject())
                .isEqualTo("Ny sag til dig: " + caseNumber);
        ok(api.post(chosen, "/api/tasks/" + api.task(chosen, caseNumber, TASK_ACCEPT_CASE) + "/acceptance",
                Map.of("accepted", true)));
        Mail contact = theOnlyMail(citizen, "Du har fået en kontaktperson");
        assertThat(contact.text()).contains((String) person.get("displayName"), (String) person.get("email"),
                "Telefon");

        // the manager moves the case to Anna: Anna is told, and so is the citizen
        ok(api.post("mads", "/api/initiatives/" + caseNumber + "/contact-person", Map.of("contactPerson", "anna", "reason", "Fravær")));
        assertThat(theOnlyMail("anna.holm@example.org", caseNumber).subject())
                .isEqualTo("Sag " + caseNumber + " er flyttet til dig");
        Mail changed = theOnlyMail(citizen, "Du har fået en ny kontaktperson");
        assertThat(changed.text()).contains("Anna Holm", "anna.holm@example.org");
        assertOpensTheCase(changed, caseNumber);

        // funding granted: the amount in Danish
        ok(api.post("anna", "/api/tasks/" + api.task("anna", caseNumber, TASK_FIRST_CONTACT) + "/agreement", Map.of(
                "willDo", "Søge puljen", "willNotDo", "Betale instruktøren", "whoDoesWhat", "I danser",
                "nextSteps", "Ansøgning")));
        ok(api.post("anna", "/api/tasks/" + api.task("anna", caseNumber, TASK_PLAN_SUPPORT) + "/support-plan",
                Map.of("funding", true, "fundingPool", "groen-pulje", "fundingAmount", 12500, "fundingPurpose",
                        "Musik", "permits", false, "partners", false, "political", false)));
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING) + "/funding-decision",
                Map.of("granted", true, "amount", 10000, "reason", "Puljen giver højst 10.000 kr. til musik.")));
        Mail granted = theOnlyMail(citizen, "Du har fået tilskud");
        // a partial grant: the officer's reason reaches the citizen
        assertThat(granted.text()).contains("Grøn pulje", "12.500 kr.", "10.000 kr.",
                "Puljen giver højst 10.000 kr. til musik.");
        assertOpensTheCase(granted, caseNumber);
    }

    @Test
    void whoHasTheCaseHearsOfTheCitizensMessagesAndWithdrawalWhichTheCitizenGetsConfirmed() {
        String citizen = "karen-" + tag + "@example.org";
        Map<?, ?> receipt = submit("Bænke ved åen " + tag, "natur-miljoe", "tuse-naes", citizen, "da",
                List.of("FUNDING"));
        String caseNumber = (String) receipt.get("caseNumber");
        String token = (String) receipt.get("trackingToken");
        theOnlyMail(citizen, "Tak for dit initiativ");

        // before anyone has the case, intake hears of a message
        ok(http.postForEntity("/api/citizen/" + token + "/messages",
                new HttpEntity<>(Map.of("body", "Hemmeligt: koden er 1234"), json("da")), Map.class));
        Mail toIntake = theOnlyMail(INTAKE, "Ny besked fra borgeren");
        assertThat(toIntake.subject()).isEqualTo("Ny besked fra borgeren: " + caseNumber);
        assertThat(toIntake.text()).contains("http://localhost:8080/cases/" + caseNumber).doesNotContain("1234");

        // accepted and taken: now the contact person hears of the citizen's message, not its text
        String contact = api.toSupportPlan(caseNumber);
        Map<?, ?> person = staff(contact);
        String contactMail = (String) person.get("email");
        theOnlyMail(contactMail, "Ny sag til dig");
        theOnlyMail(citizen, "Dit initiativ er godkendt");
        theOnlyMail(citizen, "Du har fået en kontaktperson");
        theOnlyMail(citizen, "Jeres aftale er skrevet ned");
        ok(http.postForEntity("/api/citizen/" + token + "/messages",
                new HttpEntity<>(Map.of("body", "Kan vi mødes på torsdag? Min kode er 9876"), json("da")), Map.class));
        Mail message = theOnlyMail(contactMail, "Ny besked fra borgeren");
        assertThat(message.text()).contains("Kære " + person.get("displayName"), "Læs og besvar beskeden",
                "http://localhost:8080/cases/" + caseNumber).doesNotContain("9876", "torsdag");
        assertThat(message.html()).contains("href=\"http://localhost:8080/cases/" + caseNumber + "\"");
        assertThat(mailsTo(INTAKE)).isEmpty();
        assertThat(mailsTo(citizen)).isEmpty(); // their own message sends them nothing

        // the citizen withdraws: confirmed to them; the contact person is told
        ok(http.postForEntity("/api/citizen/" + token + "/withdrawal", new HttpEntity<>(Map.of(), json("da")),
                Map.class));
        Mail confirmed = theOnlyMail(citizen, "Du har trukket dit initiativ tilbage");
        assertThat(confirmed.text()).contains("Kære Jane Citizen", "Bænke ved åen " + tag, "som du bad om")
                .doesNotContain("spørgeskema");
        assertOpensTheCase(confirmed, caseNumber);
        Mail told = theOnlyMail(contactMail, "er trukket tilbage");
        assertThat(told.subject()).isEqualTo("Sag " + caseNumber + " er trukket tilbage");
        assertThat(told.text()).contains("http://localhost:8080/cases/" + caseNumber);
        assertThat(mailsTo(citizen)).isEmpty(); // no closing mail besides the confirmation
    }

    @Test
    void anEnglishWithdrawalIsConfirmedInEnglishAndTheProposedContactPersonIsTold() {
        String citizen = "john-" + tag + "@example.org";
        Map<?, ?> receipt = submit("Harbour clean-up " + tag, "natur-miljoe", "tuse-naes", citizen, "en",
                List.of("FUNDING"));
        String caseNumber = (String) receipt.get("caseNumber");
        theOnlyMail(citizen, "Thank you for your initiative");
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        String proposedTo = (String) staff((String) api.initiative(caseNumber).get("contactPerson")).get("email");
        theOnlyMail(proposedTo, "Ny sag til dig");

        ok(http.postForEntity("/api/citizen/" + receipt.get("trackingToken") + "/withdrawal",
                new HttpEntity<>(Map.of(), json("en")), Map.class));
        Mail confirmed = theOnlyMail(citizen, "You have withdrawn your initiative");
        assertThat(confirmed.text()).contains("Dear Jane Citizen", "Harbour clean-up " + tag, "as you asked");
        assertThat(theOnlyMail(proposedTo, "er trukket tilbage").text())
                .contains("http://localhost:8080/cases/" + caseNumber);
    }

    @Test
    void withTheMailServerDownTheActionSucceedsAndTheMailArrivesOnceItIsBack() {
        smtp.stop();
        String citizen = "down-" + tag + "@example.org";
        Map<?, ?> receipt = submit("Blomster ved skolen", "natur-miljoe", "tuse-naes", citizen, "da", List.of("FUNDING"));
        String caseNumber = (String) receipt.get("caseNumber");
        assertThat(caseNumber).isNotBlank();
        sender.sendDue(); // fails softly: the mail waits with its backoff
        assertThat(jdbc.queryForObject("SELECT status FROM mail_outbox WHERE recipient = ?", String.class, citizen))
                .isEqualTo("PENDING");

        smtp.start();
        jdbc.update("UPDATE mail_outbox SET next_attempt_at = '2000-01-01' WHERE recipient = ?", citizen);
        Mail mail = theOnlyMail(citizen, "Tak for dit initiativ");
        assertOpensTheCase(mail, caseNumber);
        sender.sendDue();
        assertThat(mailsTo(citizen)).isEmpty();
    }

    @Test
    void aChangeThatRollsBackTakesItsMailAlong() {
        String citizen = "rollback-" + tag + "@example.org";
        String caseNumber = (String) submit("Legeplads", "natur-miljoe", "tuse-naes", citizen, "da", List.of("FUNDING"))
                .get("caseNumber");
        theOnlyMail(citizen, "Tak for dit initiativ");
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, citizen);

        transaction.executeWithoutResult(status -> {
            cases.redirect(caseNumber, "intake", "Skriv til Vej og Park");
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, citizen))
                .isEqualTo(before);
        sender.sendDue();
        assertThat(mailsTo(citizen)).isEmpty();

        // the same change committed: its mail is in the outbox with it, once
        transaction.executeWithoutResult(status -> cases.redirect(caseNumber, "intake", "Skriv til Vej og Park"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, citizen))
                .isEqualTo(before + 1);
        assertThat(theOnlyMail(citizen, "Din sag er afsluttet").text()).contains("Skriv til Vej og Park");
    }

    @Test
    void aCaseMovedBeforeAnyoneAcceptedItTellsTheNewPersonButNotTheCitizenWhoHadNoContactPersonYet() {
        String citizen = "ole-" + tag + "@example.org";
        Map<?, ?> receipt = submit("Gåtur for ældre " + tag, "aeldre", "holbaek-by", citizen, "da", List.of("FUNDING"));
        String caseNumber = (String) receipt.get("caseNumber");
        ok(api.post("intake", "/api/tasks/" + api.task("intake", caseNumber, TASK_SCREEN_INITIATIVE) + "/screening",
                Map.of("decision", "accept")));
        theOnlyMail(citizen, "Tak for dit initiativ");
        theOnlyMail(citizen, "Dit initiativ er godkendt");

        ok(api.post("mads", "/api/initiatives/" + caseNumber + "/contact-person", Map.of("contactPerson", "anna", "reason", "Ferie")));
        assertThat(theOnlyMail("anna.holm@example.org", caseNumber).subject())
                .isEqualTo("Sag " + caseNumber + " er flyttet til dig");
        assertThat(mailsTo(citizen)).isEmpty();
        // nor does the tracking page say "you have a new contact person"
        assertThat((List<Map<String, Object>>) api.citizen((String) receipt.get("trackingToken")).get("timeline"))
                .extracting(entry -> entry.get("type")).doesNotContain("CONTACT_REASSIGNED");
    }

    @Test
    void everyTimelineEntryTheCitizenSeesIsAnnouncedOrWasTheirOwnDoingConfirmedOnThePage() {
        for (CaseEventType type : CaseEventType.values()) {
            assertThat(CaseMails.ANNOUNCED.contains(type) || CaseMails.CONFIRMED_ON_THE_PAGE.contains(type)
                    || CaseMails.WITH_THE_RECEIPT.contains(type))
                    .as("%s is on the tracking page: announce it, or say why not", type)
                    .isEqualTo(type.visibleToCitizen());
        }
    }

    @Test
    void eachMilestoneIsAnnouncedOnceAndAStepWithSeveralSendsOneMailListingThem() {
        String citizen = "mette-" + tag + "@example.org";
        String title = "Legeplads i Søndermarken " + tag;
        Map<?, ?> receipt = submit(title, "natur-miljoe", "tuse-naes", citizen, "da", List.of("FUNDING", "PERMITS"));
        String caseNumber = (String) receipt.get("caseNumber");
        theOnlyMail(citizen, "Tak for dit initiativ");

        // accepted, taken, agreed: three steps, three mails
        String contact = api.toSupportPlan(caseNumber);
        Mail accepted = theOnlyMail(citizen, "Dit initiativ er godkendt");
        assertThat(accepted.subject()).isEqualTo("Dit initiativ er godkendt – sag " + caseNumber);
        assertThat(accepted.text()).contains("Kære Jane Citizen", "finder vi en kontaktperson");
        assertOpensTheCase(accepted, caseNumber);
        theOnlyMail(citizen, "Du har fået en kontaktperson");
        Mail agreement = theOnlyMail(citizen, "Jeres aftale er skrevet ned");
        assertThat(agreement.text()).contains("»" + title + "«", "Læs aftalen på siden for din sag")
                .doesNotContain("Hjælpe med ansøgningen", "Betale driften");
        assertOpensTheCase(agreement, caseNumber);
        assertThat(mailsTo(citizen)).isEmpty();

        // one step records five milestones (plan, fund application, permit, partners, committee): ONE mail
        List<Map<String, Object>> registry = api.as("admin").getForObject("/api/partners", List.class);
        Map<String, Object> partner = registry.get(0);
        Map<String, Object> plan = new HashMap<>(Map.of("funding", true, "fundingPool", "groen-pulje",
                "fundingAmount", 4000, "fundingPurpose", "Sand og skovle", "permits", true, "partners", true,
                "political", true, "committee", "Teknik- og Miljøudvalget"));
        plan.put("permitTypes", List.of("brug-af-offentligt-areal"));
        plan.put("partnerIds", List.of(((Number) partner.get("id")).longValue()));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_PLAN_SUPPORT) + "/support-plan", plan));
        List<Mail> planMails = mailsTo(citizen);
        assertThat(planMails).extracting(Mail::subject)
                .containsExactly("Støtteplanen for dit initiativ er lagt – sag " + caseNumber);
        Mail planned = theOnlyMail(citizen, "Støtteplanen");
        assertThat(planned.text()).contains("Der er sket 5 ting i dit initiativ »" + title + "«",
                "## Støtteplanen er lagt", "## Ansøgning til en pulje", "Grøn pulje", "4.000 kr.",
                "## Tilladelse søgt", "Brug af offentligt areal", "## Partnere koblet på", (String) partner.get("name"),
                "## Sendt til politisk behandling", "Teknik- og Miljøudvalget")
                .doesNotContain("Sand og skovle");
        assertThat(planned.text().indexOf("## Støtteplanen er lagt"))
                .isLessThan(planned.text().indexOf("## Ansøgning til en pulje"));
        assertThat(planned.html()).contains("lang=\"da\"", "<h2", "Teknik- og Miljøudvalget");
        assertOpensTheCase(planned, caseNumber);

        // each decision its own mail; partners followed up is no milestone
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_FUNDING) + "/funding-decision",
                Map.of("granted", false, "reason", "Puljen er brugt op i år.")));
        theOnlyMail(citizen, "Svar på din ansøgning om tilskud");
        ok(api.post("admin", "/api/tasks/" + api.task("admin", caseNumber, TASK_DECIDE_PERMIT) + "/permit-decision",
                Map.of("approved", true)));
        theOnlyMail(citizen, "Din tilladelse er givet");
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP_PARTNERS)
                + "/partners-followed-up", Map.of()));
        assertThat(mailsTo(citizen)).isEmpty();

        // the political decision is the last track: decided and support plan completed, one mail
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")));
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_RECORD_POLITICAL_DECISION)
                + "/political-decision", Map.of("decision", "Udvalget bevilger en bænk mere.", "decidedOn",
                today.toString())));
        List<Mail> decided = mailsTo(citizen);
        assertThat(decided).extracting(Mail::subject).containsExactly("Udvalget har besluttet – sag " + caseNumber);
        Mail political = theOnlyMail(citizen, "Udvalget har besluttet");
        assertThat(political.text()).contains("Der er sket 2 ting", "## Politisk beslutning",
                "Teknik- og Miljøudvalget",
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag("da")).format(today),
                "## Støtteplanen er gennemført")
                .doesNotContain("en bænk mere"); // a notice: the decision itself is on the tracking page
        assertOpensTheCase(political, caseNumber);

        // every follow-up check-in is announced, each once
        fire(caseNumber, InitiativeProcess.TIMER_FOLLOW_UP_DUE);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 40, "milestone", "Sandkassen er gravet", "done", false)));
        Mail first = theOnlyMail(citizen, "Ny status på dit initiativ");
        assertThat(first.text()).contains("40 % færdigt").doesNotContain("Sandkassen");
        fire(caseNumber, InitiativeProcess.TIMER_FOLLOW_UP_DUE);
        ok(api.post(contact, "/api/tasks/" + api.task(contact, caseNumber, TASK_FOLLOW_UP) + "/follow-up",
                Map.of("progressPercent", 80, "milestone", "Gyngerne er sat op", "done", false)));
        Mail second = theOnlyMail(citizen, "Ny status på dit initiativ");
        assertThat(second.text()).contains("80 % færdigt");
        assertThat(second.id()).isNotEqualTo(first.id());

        // nothing was sent twice, and every entry the tracking page shows had its mail
        sender.sendDue();
        assertThat(mailsTo(citizen)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, citizen))
                .isEqualTo(10);
        List<CaseEventType> shown = transaction.execute(status -> cases.view(caseNumber).timeline().stream()
                .filter(entry -> entry.visibleToCitizen()).map(entry -> entry.type()).toList());
        assertThat(shown).containsExactly(CaseEventType.SUBMITTED, CaseEventType.ACCEPTED,
                CaseEventType.CONTACT_ASSIGNED, CaseEventType.AGREEMENT_RECORDED, CaseEventType.FUNDING_PROPOSED,
                CaseEventType.PERMIT_REQUIRED, CaseEventType.PARTNER_LINKED, CaseEventType.POLITICAL_FORWARDED,
                CaseEventType.SUPPORT_PLANNED, CaseEventType.FUNDING_REJECTED, CaseEventType.PERMIT_APPROVED,
                CaseEventType.POLITICAL_DECIDED, CaseEventType.SUPPORT_COMPLETED, CaseEventType.PROGRESS_RECORDED,
                CaseEventType.PROGRESS_RECORDED);
    }

    @Test
    void workDoneUnderMailSuppressionLikeTheDemoSeedingSendsNothing() {
        String citizen = "demo-" + tag + "@example.org";
        SubmissionReceipt receipt = MailSuppression.during(() -> submissions.submit(new SubmitInitiativeRequest(
                "Demo " + tag, "Demo", "natur-miljoe", "tuse-naes", "Demo Borger", citizen, true,
                Set.of(HelpKind.FUNDING)), Locale.forLanguageTag("da")));
        assertThat(receipt.caseNumber()).isNotBlank();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", Integer.class, citizen))
                .isZero();

        // the suppression ends with the work: the same thread mails again
        ok(api.post("intake", "/api/tasks/" + api.task("intake", receipt.caseNumber(), TASK_SCREEN_INITIATIVE)
                + "/screening", Map.of("decision", "redirect", "note", "Skriv til Vej og Park")));
        assertThat(MailSuppression.active()).isFalse();
        Mail closed = theOnlyMail(citizen, "Din sag er afsluttet");
        assertThat(closed.text()).contains("Skriv til Vej og Park", "Det hører til et andet sted i kommunen")
                .doesNotContain("spørgeskema");
    }

    private Map<?, ?> submit(String title, String topic, String district, String email, String language,
            List<String> help) {
        Map<String, Object> body = Map.of("title", title, "description", "Beskrivelse af " + title, "topic", topic,
                "district", district, "contactName", "Jane Citizen", "contactEmail", email, "consent", true,
                "helpWanted", help);
        ResponseEntity<Map> response = http.postForEntity("/api/initiatives", new HttpEntity<>(body, json(language)),
                Map.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private Map<?, ?> staff(String userId) {
        List<Map<String, Object>> all = api.as("admin").getForObject("/api/staff", List.class);
        return all.stream().filter(member -> userId.equals(member.get("userId"))).findFirst().orElseThrow();
    }

    /** Sends the due mails and returns the one (not seen before) to that address whose subject contains the text. */
    private Mail theOnlyMail(String to, String subjectContains) {
        List<Mail> mails = mailsTo(to);
        assertThat(mails).as("mails to %s: %s", to, mails.stream().map(Mail::subject).toList()).extracting(Mail::subject)
                .filteredOn(subject -> subject.contains(subjectContains)).hasSize(1);
        Mail mail = mails.stream().filter(m -> m.subject().contains(subjectContains)).findFirst().orElseThrow();
        seen.add(mail.id());
        return mail;
    }

    /** The mails to that address GreenMail holds and the test has not looked at yet (after sending what is due). */
    private List<Mail> mailsTo(String to) {
        sender.sendDue();
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> addressedTo(message, to))
                .map(CaseMailsTest::read).filter(mail -> !seen.contains(mail.id())).toList();
    }

    private static void purge() {
        try {
            smtp.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the mail's tracking link opens the case; returns its token. */
    private String assertOpensTheCase(Mail mail, String caseNumber) {
        String token = tokenIn(mail);
        assertThat(mail.html()).contains("href=\"http://localhost:8080/track/" + token);
        String opened = transaction.execute(status -> cases.viewByTrackingToken(token).caseNumber());
        assertThat(opened).isEqualTo(caseNumber);
        return token;
    }

    private static String tokenIn(Mail mail) {
        Matcher matcher = TRACKING_LINK.matcher(mail.text());
        assertThat(matcher.find()).as("a tracking link in %s", mail.text()).isTrue();
        return matcher.group(1);
    }

    private void fire(String caseNumber, String timerId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        managementService.executeJob(job.getId());
    }

    private static HttpHeaders json(String language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return headers;
    }

    private static boolean addressedTo(MimeMessage message, String to) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(address -> address.toString().equals(to));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Mail read(MimeMessage message) {
        try {
            return new Mail(message.getMessageID(), message.getAllRecipients()[0].toString(), message.getSubject(), part(message, "text/plain"),
                    part(message, "text/html"));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) throws MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A permit type of Vej og Park added through the admin API; its code. */
    private String permitType(String name) {
        ResponseEntity<Map> type = api.post("admin", "/api/admin/permit-types", Map.of("nameDa", name, "nameEn",
                name + " (en)", "departmentGroup", "vej-park", "decisionDays", 10));
        assertThat(type.getStatusCode().value()).as(String.valueOf(type.getBody())).isEqualTo(201);
        return (String) type.getBody().get("code");
    }
}
