package dk.initiativ.matching;

import dk.initiativ.initiative.CaseView;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.InitiativeProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager puts a case on another contact person at any time: the case, the process variable and
 * every open task that was the old contact person's follow the new one, in one transaction.
 */
@Service
@Transactional
class ContactOverride {

    private final MatchingService matching;
    private final Cases cases;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    ContactOverride(MatchingService matching, Cases cases, RuntimeService runtimeService, TaskService taskService) {
        this.matching = matching;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    void override(String caseNumber, String userId, String manager) {
        StaffMember member = matching.requireStaff(userId);
        CaseView before = cases.view(caseNumber);
        cases.contactPersonReassigned(caseNumber, member.teamCode(), member.userId(), manager);
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
