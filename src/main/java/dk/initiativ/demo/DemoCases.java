package dk.initiativ.demo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.citizen.CaseMessages;
import dk.initiativ.citizen.CitizenCaseService;
import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import dk.initiativ.initiative.HelpKind;
import dk.initiativ.initiative.SubmissionReceipt;
import dk.initiativ.initiative.SubmissionService;
import dk.initiativ.initiative.SubmitInitiativeRequest;
import dk.initiativ.initiative.Submitter;
import dk.initiativ.intake.ScreeningDecision;
import dk.initiativ.notification.MailSuppression;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static dk.initiativ.intake.ScreeningDecision.ACCEPT;
import static dk.initiativ.intake.ScreeningDecision.DUPLICATE;
import static dk.initiativ.intake.ScreeningDecision.REDIRECT;
import static dk.initiativ.intake.ScreeningDecision.REQUEST_INFORMATION;
import static dk.initiativ.process.InitiativeProcess.*;

/**
 * About 30 demo initiatives for the embedded run, spread over every stage so that Cockpit, Tasklist
 * and the APIs show a living municipality on first start. Each is driven through the real process
 * exactly as staff would (task completions with the forms' variables; timers fired by hand), into an
 * empty database only.
 */
@Component
@ConditionalOnDemoData
@Order(100)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

    /** One demo initiative and the stage it is driven to. */
    record DemoCase(String key, String stage, String topic, String district, Set<HelpKind> help, String title,
            String name, String question, String note, String original, String citizen, Boolean publish,
            String message) {
    }

    record DemoCaseFile(List<DemoCase> cases) {
    }

    private final boolean seedAtStart;
    private final Resource file;
    private final SubmissionService submissions;
    private final CitizenCaseService citizens;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final CaseMessages messages;

    DemoCases(@Value("${initiativ.demo.cases:true}") boolean seedAtStart,
            @Value("${initiativ.demo.cases-file:classpath:demo/cases.yaml}") Resource file,
            SubmissionService submissions, CitizenCaseService citizens, RuntimeService runtimeService,
            TaskService taskService, ManagementService managementService, IdentityService identityService,
            JdbcTemplate jdbc, CaseMessages messages) {
        this.messages = messages;
        this.seedAtStart = seedAtStart;
        this.file = file;
        this.submissions = submissions;
        this.citizens = citizens;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    /** At start, into an empty database only ({@code initiativ.demo.cases=false} turns it off). */
    @Override
    public void run(ApplicationArguments args) {
        if (seedAtStart && jdbc.queryForObject("SELECT COUNT(*) FROM initiative", Long.class) == 0) {
            seed();
        }
    }

    /** Without e-mails: the demo history is made up, and its citizens and staff need no receipts for it. */
    void seed() {
        MailSuppression.during(this::seedCases);
    }

    private void seedCases() {
        Map<String, String> caseNumbers = new HashMap<>();
        List<DemoCase> cases = read().cases();
        for (DemoCase demo : cases) {
            SubmissionReceipt receipt = submissions.submit(request(demo), Locale.forLanguageTag("da"),
                    new Submitter(demo.citizen(), null));
            caseNumbers.put(demo.key(), receipt.caseNumber());
            drive(demo, receipt, caseNumbers);
            if (demo.message() != null) {
                // a citizen's message the contact person has not read yet (the inbox shows it as unread)
                messages.fromCitizen(receipt.trackingToken(), demo.message());
            }
        }
        log.info("Created {} demo initiatives across the stages", cases.size());
    }

    private void drive(DemoCase demo, SubmissionReceipt receipt, Map<String, String> caseNumbers) {
        String caseNumber = receipt.caseNumber();
        switch (demo.stage()) {
            case "submitted" -> { }
            case "awaiting-information" -> screen(caseNumber, REQUEST_INFORMATION, demo.question(), null);
            case "inactive" -> {
                screen(caseNumber, REQUEST_INFORMATION, demo.question(), null);
                fire(caseNumber, TIMER_INFORMATION_REMINDER);
                fire(caseNumber, TIMER_INFORMATION_TIMEOUT);
            }
            case "redirected" -> screen(caseNumber, REDIRECT, demo.note(), null);
            case "duplicate" -> screen(caseNumber, DUPLICATE, null, caseNumbers.get(demo.original()));
            case "withdrawn" -> citizens.withdraw(receipt.trackingToken());
            case "proposed" -> screen(caseNumber, ACCEPT, null, null);
            case "escalated" -> {
                screen(caseNumber, ACCEPT, null, null);
                fire(caseNumber, TIMER_ACCEPTANCE_OVERDUE);
            }
            default -> driveMatched(demo, caseNumber);
        }
    }

    /** matched, agreed, supporting, following-up, realised, not-realised. */
    private void driveMatched(DemoCase demo, String caseNumber) {
        screen(caseNumber, ACCEPT, null, null);
        complete(caseNumber, TASK_ACCEPT_CASE, Map.of(VAR_CASE_ACCEPTED, true));
        if (demo.stage().equals("matched")) {
            return;
        }
        complete(caseNumber, TASK_FIRST_CONTACT, Map.of(
                VAR_AGREEMENT_WILL_DO, "Hjælp til at søge puljer, finde partnere og få de nødvendige tilladelser.",
                VAR_AGREEMENT_WILL_NOT_DO, "Stå for selve arbejdet eller betale for drift.",
                VAR_AGREEMENT_WHO_DOES_WHAT, "I står for idéen og de frivillige; kontaktpersonen for kontakten til kommunen.",
                VAR_AGREEMENT_NEXT_STEPS, "Vi mødes igen om en måned og ser på ansøgningen sammen."));
        if (demo.stage().equals("agreed")) {
            return;
        }
        if (demo.stage().equals("supporting")) {
            // funding, permits and partners running: the fund officers, both departments (vibeke, bent) and the
            // contact person have tasks
            Map<String, Object> plan = new HashMap<>(Map.of(VAR_NEEDS_FUNDING, true, VAR_NEEDS_PERMITS, true,
                    VAR_NEEDS_PARTNERS, true, VAR_NEEDS_POLITICAL, false));
            plan.put(VAR_PERMIT_TYPES, "brug-af-offentligt-areal,midlertidig-opstilling-af-telt");
            plan.put(VAR_FUNDING_POOL, "lokalpuljen");
            plan.put(VAR_FUNDING_AMOUNT, "25000");
            plan.put(VAR_FUNDING_PURPOSE, "Materialer og leje af udstyr");
            plan.put(VAR_PARTNER_IDS, String.valueOf(jdbc.queryForObject("SELECT MIN(id) FROM partner", Long.class)));
            complete(caseNumber, TASK_PLAN_SUPPORT, plan);
            return;
        }
        complete(caseNumber, TASK_PLAN_SUPPORT, Map.of(VAR_NEEDS_FUNDING, false, VAR_NEEDS_PERMITS, false,
                VAR_NEEDS_PARTNERS, false, VAR_NEEDS_POLITICAL, false));
        fire(caseNumber, TIMER_FOLLOW_UP_DUE);
        if (demo.stage().equals("following-up")) {
            return;
        }
        complete(caseNumber, TASK_FOLLOW_UP, Map.of(VAR_PROGRESS_PERCENT, 100,
                VAR_MILESTONE, "Initiativet er gennemført.", VAR_DONE, true));
        boolean realised = demo.stage().equals("realised");
        complete(caseNumber, TASK_CLOSE_CASE, Map.of(VAR_OUTCOME, realised ? "REALISED" : "NOT_REALISED",
                VAR_CLOSING_MESSAGE, realised ? "Tak for jeres initiativ. Det er blevet til virkelighed!"
                        : "Det lykkedes desværre ikke at finde midler i år. Tak for jeres engagement."));
    }

    private void screen(String caseNumber, ScreeningDecision decision, String note, String duplicateOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SCREENING_DECISION, decision.value());
        variables.put(VAR_SCREENING_NOTE, note);
        variables.put(VAR_DUPLICATE_OF, duplicateOf);
        complete(caseNumber, TASK_SCREEN_INITIATIVE, variables);
    }

    /** Completes the case's task as its assignee (or as intake), like Tasklist would. */
    private void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
        String actor = task.getAssignee() != null ? task.getAssignee() : "intake";
        List<String> groups = identityService.createGroupQuery().groupMember(actor).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(actor, groups);
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void fire(String caseNumber, String timerId) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(timerId).singleResult();
        managementService.executeJob(job.getId());
    }

    private static SubmitInitiativeRequest request(DemoCase demo) {
        String first = demo.name().split(" ")[0];
        String email = Normalizer.normalize(first, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("ø", "oe").replace("æ", "ae").replace("å", "aa").toLowerCase(Locale.ROOT) + "@borger.example.org";
        return new SubmitInitiativeRequest(demo.title(),
                demo.title() + ". Vi er en gruppe naboer, der gerne vil gøre en forskel i vores lokalområde.",
                demo.topic(), demo.district(), demo.name(), email, true, demo.help(), null, null, null, null, null,
                Boolean.TRUE.equals(demo.publish()), null, null);
    }

    private DemoCaseFile read() {
        return DemoFiles.read(file, DemoCaseFile.class);
    }
}
