package dk.initiativ.casework;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code initiative.next_due_at}, a case's next deadline (the soonest due date of its open tasks), for the
 * inbox's case views, which sort and filter by it through an index (ADR 0014). Every task event of the engine
 * (create, assignment, update, complete, delete; Camunda's Spring event bridge, in the engine's thread and
 * transaction) marks its case; just before that transaction commits, when the engine has written its task rows,
 * each marked case's column is set from {@code ACT_RU_TASK} in one statement. A rollback leaves it as it was.
 */
@Component
class NextDeadlines {

    private static final String UPDATE = """
            UPDATE initiative SET next_due_at =
                (SELECT MIN(t.DUE_DATE_) FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ = ?)
            WHERE case_number = ?""";

    private final JdbcTemplate jdbc;

    NextDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void taskChanged(DelegateTask task) {
        String processInstanceId = task.getProcessInstanceId();
        String caseNumber = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (processInstanceId == null || caseNumber == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh(Map.of(processInstanceId, caseNumber));
            return;
        }
        pending().put(processInstanceId, caseNumber);
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> pending() {
        Map<String, String> pending = (Map<String, String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Map<String, String> cases = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(this, cases);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    refresh(cases);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(NextDeadlines.this);
                }
            });
            pending = cases;
        }
        return pending;
    }

    private void refresh(Map<String, String> cases) {
        cases.forEach((processInstanceId, caseNumber) -> jdbc.update(UPDATE, processInstanceId, caseNumber));
    }
}
