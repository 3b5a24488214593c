package dk.initiativ.matching;

import dk.initiativ.casework.CaseNotes;
import dk.initiativ.casework.StaffUser;
import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager puts a case on another contact person at any time: the case, the process variable and
 * every open task that was the old contact person's follow the new one, in one transaction. The manager's
 * reason is kept as an internal note (staff only, in the citizen's data download), not on the timeline the
 * citizen reads.
 */
@Service
@Transactional
class ContactOverride {

    private final MatchingService matching;
    private final Cases cases;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CaseNotes notes;
    private final StaffDirectory staff;
    private final MessageSource texts;

    ContactOverride(MatchingService matching, Cases cases, RuntimeService runtimeService, TaskService taskService,
            CaseNotes notes, StaffDirectory staff, MessageSource texts) {
        this.notes = notes;
        this.staff = staff;
        this.texts = texts;
        this.matching = matching;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    void override(String caseNumber, String userId, String reason, StaffUser manager) {
        StaffMember member = matching.requireStaff(userId);
        CaseView before = cases.view(caseNumber);
        if (reason != null) {
            // written while the manager still leads the case's team (the move may take it to another team)
            String from = before.contactPerson() == null ? "-" : staff.byUserId(before.contactPerson())
                    .map(StaffMember::displayName).orElse(before.contactPerson());
            notes.write(caseNumber, texts.getMessage("caseMove.note",
                    new Object[] {from, member.displayName(), reason}, CaseMoves.danish()), manager);
        }
        cases.contactPersonReassigned(caseNumber, member.teamCode(), member.userId(), manager.userId());
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(InitiativeProcess.KEY).processInstanceBusinessKey(caseNumber).singleResult();
        if (instance == null) {
            return;
        }
        runtimeService.setVariable(instance.getId(), InitiativeProcess.VAR_CONTACT_PERSON, member.userId());
        if (before.contactPerson() != null) {
            taskService.createTaskQuery().processInstanceId(instance.getId()).taskAssignee(before.contactPerson())
                    .list().forEach(task -> taskService.setAssignee(task.getId(), member.userId()));
        }
    }
}
