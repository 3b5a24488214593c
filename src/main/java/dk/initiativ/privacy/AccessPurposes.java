package dk.initiativ.privacy;

import java.util.List;

import dk.initiativ.initiative.Cases;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The purpose of an access, as stored: {@code task:<BPMN task id>} when the reader has an open task on the case
 * (theirs or their group's), else {@code contact-person} when they are the case's contact person, else their role
 * ({@code role.admin}, {@code role.manager}, ...; {@code department} for a department's member). Other purposes
 * are named where they happen ({@link #REGISTRATION}, {@link #LOG_REVIEW}, {@link #CAUGHT_MAIL}).
 */
@Component
class AccessPurposes {

    static final String TASK = "task:";
    static final String CONTACT_PERSON = "contact-person";
    static final String ROLE = "role.";
    static final String DEPARTMENT = "department";
    /** The employee who registered a case prints its receipt. */
    static final String REGISTRATION = "registration";
    /** An admin searches or exports this log. */
    static final String LOG_REVIEW = "log-review";
    /** An admin reads the mails the embedded run caught (demo and test only). */
    static final String CAUGHT_MAIL = "caught-mail";
    /** An admin erased the case's personal data at the citizen's request (ADR 0032). */
    static final String ERASURE = "erasure";

    /** Roles in the order that names the purpose when a reader has several. */
    static final List<String> ROLES = List.of("admin", "manager", "fund-officer", "intake", "contact-staff");

    private final TaskService tasks;
    private final Cases cases;

    AccessPurposes(TaskService tasks, Cases cases) {
        this.tasks = tasks;
        this.cases = cases;
    }

    String of(Reader reader, String caseNumber, String contactPerson) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).active();
        if (reader.groups().isEmpty()) {
            query.taskAssignee(reader.userId());
        } else {
            query.or().taskAssignee(reader.userId()).taskCandidateGroupIn(reader.groups()).endOr();
        }
        List<Task> open = query.orderByTaskCreateTime().asc().listPage(0, 1);
        if (!open.isEmpty() && open.get(0).getTaskDefinitionKey() != null) {
            return TASK + open.get(0).getTaskDefinitionKey();
        }
        String contact = contactPerson != null ? contactPerson : cases.view(caseNumber).contactPerson();
        return ofRow(reader, null, contact);
    }

    /** A list's row: its task when it is a task row, else contact person or role (no engine query per row). */
    String ofRow(Reader reader, String taskKey, String contactPerson) {
        if (taskKey != null) {
            return TASK + taskKey;
        }
        if (reader.userId().equals(contactPerson)) {
            return CONTACT_PERSON;
        }
        return role(reader);
    }

    static String role(Reader reader) {
        return ROLES.stream().filter(reader.groups()::contains).findFirst().map(role -> ROLE + role)
                .orElse(DEPARTMENT);
    }
}
