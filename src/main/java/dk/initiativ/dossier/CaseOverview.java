package dk.initiativ.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.matching.StaffDirectory;
import dk.initiativ.matching.StaffMember;
import dk.initiativ.permits.Departments;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.process.ProcessActors;
import dk.initiativ.process.WorkingDayCalendar;
import dk.initiativ.web.Kroner;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the case page says in staff's words: people by name (never a user id), the timeline in staff wording
 * with the support plan's tracks and amounts as a reader of the page's language reads them, and the case's
 * open tasks with their due dates and the working days left.
 */
@Component
class CaseOverview {

    /** One timeline entry as staff read it. */
    record Entry(Instant occurredAt, String who, CaseEventType type, String detail, String relatedCaseNumber) {
    }

    /**
     * An open task of the case.
     *
     * @param who             the assignee's name, or the candidate groups' names while nobody has taken it
     * @param workingDaysLeft working days until the due date (0 on the day), negative when overdue, or {@code null}
     */
    record OpenTask(String name, String who, boolean taken, LocalDate due, Integer workingDaysLeft) {
    }

    private final StaffDirectory staff;
    private final IdentityService identities;
    private final TaskService tasks;
    private final WorkingDayCalendar calendar;
    private final DeadlineProperties deadlines;
    private final MessageSource messages;
    private final Clock clock;
    private final Departments departments;

    CaseOverview(StaffDirectory staff, IdentityService identities, TaskService tasks, WorkingDayCalendar calendar,
            DeadlineProperties deadlines, MessageSource messages, Clock clock, Departments departments) {
        this.departments = departments;
        this.staff = staff;
        this.identities = identities;
        this.tasks = tasks;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.messages = messages;
        this.clock = clock;
    }

    /** A person's name for a user id: the staff profile's, else the identity's, else the id itself. */
    String name(String userId, Locale locale) {
        if (userId == null) {
            return null;
        }
        if (Cases.CITIZEN.equals(userId)) {
            return messages.getMessage("staffCase.actor.citizen", null, locale);
        }
        if (ProcessActors.SYSTEM.equals(userId)) {
            return messages.getMessage("staffCase.actor.system", null, locale);
        }
        Optional<String> profile = staff.byUserId(userId).map(StaffMember::displayName);
        if (profile.isPresent()) {
            return profile.get();
        }
        User user = identities.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? userId : name;
    }

    List<Entry> timeline(CaseView view, Locale locale) {
        Map<String, String> names = new HashMap<>();
        return view.timeline().stream().map(entry -> new Entry(entry.occurredAt(),
                names.computeIfAbsent(entry.actor(), actor -> name(actor, locale)), entry.type(),
                detail(entry, locale, names), entry.relatedCaseNumber())).toList();
    }

    private String detail(CaseView.TimelineEntry entry, Locale locale, Map<String, String> names) {
        String detail = entry.detail();
        if (detail == null) {
            return null;
        }
        return switch (entry.type()) {
            // the plan's tracks are stored as codes: funding, permits, partners, political
            case SUPPORT_PLANNED -> Arrays.stream(detail.split(",")).map(String::strip).filter(code -> !code.isEmpty())
                    .map(code -> messages.getMessage("staffCase.track." + code, null, code, locale))
                    .collect(Collectors.joining(", "));
            // the escalation's detail is the manager's user id
            case MATCH_ESCALATED -> names.computeIfAbsent(detail, id -> name(id, locale));
            // how a case registered by staff came in: a channel code
            case REGISTERED_BY_STAFF -> messages.getMessage("walkin.channel." + detail, null, detail, locale);
            default -> Kroner.inText(detail, locale);
        };
    }

    List<OpenTask> openTasks(String caseNumber, Locale locale) {
        LocalDate today = LocalDate.now(clock.withZone(deadlines.zone()));
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active().orderByDueDate().asc()
                .orderByTaskCreateTime().asc().list().stream().map(task -> openTask(task, today, locale)).toList();
    }

    private OpenTask openTask(Task task, LocalDate today, Locale locale) {
        String name = messages.getMessage("staffCase.task." + task.getTaskDefinitionKey(), null, task.getName(), locale);
        String who;
        boolean taken = task.getAssignee() != null;
        if (taken) {
            who = name(task.getAssignee(), locale);
        } else {
            who = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .map(link -> link.getGroupId() != null ? groupName(link.getGroupId(), locale) : name(link.getUserId(), locale))
                    .distinct().sorted().collect(Collectors.joining(", "));
        }
        LocalDate due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atZone(deadlines.zone()).toLocalDate();
        Integer left = due == null ? null
                : due.isBefore(today) ? -calendar.workingDaysBetween(due, today)
                : calendar.workingDaysBetween(today, due);
        return new OpenTask(name, who, taken, due, left);
    }

    /** A department by its configured name in the reader's language; any other group by its Camunda name. */
    private String groupName(String groupId, Locale locale) {
        if (departments.isDepartment(groupId)) {
            return departments.name(groupId, locale);
        }
        Group group = identities.createGroupQuery().groupId(groupId).singleResult();
        return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
    }
}
