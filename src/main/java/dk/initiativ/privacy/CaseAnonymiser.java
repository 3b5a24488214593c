package dk.initiativ.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a closed case's personal data (ADR 0032), in the caller's transaction, once: the case's row is locked
 * first and a case already anonymised is left alone, so two runs at once (two nodes, a job and an erasure) queue
 * on the row and the second finds nothing to do.
 * <p>
 * Removed: the citizen's name, e-mail, phone, postal address and group name, their login id and the form's
 * one-time key; every free text a person wrote about the case (title and description unless the showcase
 * published them with consent, the expected timeline, the timeline's details and milestones, intake's questions
 * and the answers, messages, notes, the agreement, funding purposes and reasons, permit kinds and reasons, the
 * committee and its decision, partner notes, the survey comment); the attachments; the case's mails in the
 * outbox; the tracking token's salt (no link can be made again; the stored hash still recognises the old link,
 * which now says the case is anonymised); and the engine's history of the case's process instances, deleted
 * through {@link HistoryService} with their variables, details, tasks, comments, operation log and byte arrays.
 * <p>
 * Kept: the case number, topic, district, help wanted, age band and district of the voluntary profile, the
 * channel, stages, the timeline's event types, actors (staff ids, or "citizen") and times, outcome, progress,
 * deadlines and stage visits, pools and amounts, ratings, the consent flag: every dashboard figure stays as it was.
 * <p>
 * The tables are named here, across the modules that own them, on purpose: one place lists everything that is
 * removed, and the test that scans every text column of the database fails when a new table holds a citizen's
 * words that this list misses.
 */
@Component
class CaseAnonymiser {

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final Clock clock;
    private final EntityManager entities;

    CaseAnonymiser(JdbcTemplate jdbc, HistoryService history, Clock clock, EntityManager entities) {
        this.entities = entities;
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Anonymises the closed case with this number; false when there is no such case, it is open (its process
     * must end first), or it was anonymised already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean anonymise(String caseNumber) {
        // the caller's changes (an erasure's closing) reach the database first, and no entity read before this
        // survives it to write the old values back at commit
        entities.flush();
        entities.clear();
        List<Map<String, Object>> found = jdbc.queryForList("SELECT id, stage, anonymised_at FROM initiative"
                + " WHERE case_number = ? FOR UPDATE", caseNumber);
        if (found.isEmpty() || found.get(0).get("anonymised_at") != null
                || !"CLOSED".equals(found.get(0).get("stage"))) {
            return false;
        }
        long id = ((Number) found.get(0).get("id")).longValue();
        jdbc.update("""
                UPDATE initiative
                   SET title = CASE WHEN publication_consent AND outcome IN ('REALISED', 'PARTLY_REALISED')
                                    THEN title ELSE '' END,
                       description = CASE WHEN publication_consent AND outcome IN ('REALISED', 'PARTLY_REALISED')
                                          THEN description ELSE '' END,
                       contact_name = '', contact_email = NULL, contact_phone = NULL, contact_address = NULL,
                       group_name = NULL, expected_timeline = NULL, citizen_user_id = NULL, submission_key = NULL,
                       tracking_salt = NULL, anonymised_at = ?, version = version + 1
                 WHERE id = ?""", Timestamp.from(clock.instant()), id);
        jdbc.update("UPDATE case_event SET detail = NULL, milestone = NULL WHERE initiative_id = ?", id);
        jdbc.update("UPDATE information_request SET question = '', answer = " + blank("answer")
                + " WHERE initiative_id = ?", id);
        jdbc.update("UPDATE agreement SET will_do = '', will_not_do = '', who_does_what = '', next_steps = ''"
                + " WHERE initiative_id = ?", id);
        jdbc.update("UPDATE funding_application SET purpose = '', decision_reason = " + blank("decision_reason")
                + " WHERE initiative_id = ?", id);
        jdbc.update("UPDATE permit_requirement SET kind = '', decision_reason = " + blank("decision_reason")
                + " WHERE initiative_id = ?", id);
        jdbc.update("UPDATE political_decision SET committee = '', decision = " + blank("decision")
                + " WHERE initiative_id = ?", id);
        jdbc.update("UPDATE partner_link SET note = NULL WHERE initiative_id = ?", id);
        jdbc.update("UPDATE case_message SET body = '' WHERE initiative_id = ?", id);
        jdbc.update("UPDATE case_note SET body = '' WHERE initiative_id = ?", id);
        jdbc.update("UPDATE case_survey SET comment = NULL WHERE initiative_id = ?", id);
        jdbc.update("DELETE FROM attachment WHERE initiative_id = ?", id);
        jdbc.update("DELETE FROM mail_outbox WHERE case_number = ?", caseNumber);
        deleteEngineHistory(caseNumber);
        return true;
    }

    /**
     * Takes the case out of the showcase with the title and description it showed (an erasure on request, ADR 0032):
     * what anonymisation keeps of a case published with consent goes too. Returns whether it was published.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean unpublish(String caseNumber) {
        return jdbc.update("UPDATE initiative SET title = '', description = '', publication_consent = FALSE,"
                + " version = version + 1 WHERE case_number = ? AND (publication_consent OR title <> ''"
                + " OR description <> '')", caseNumber) > 0;
    }

    /** Empty where there was a text (some rows must keep a non-null value: a refusal has a reason). */
    private static String blank(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE '' END";
    }

    /**
     * Deletes the history of every process instance of the case (its business key), with the decisions evaluated
     * in them. Explicit and at once, not by the engine's removal-time cleanup (ADR 0032).
     */
    private void deleteEngineHistory(String caseNumber) {
        List<String> instances = new ArrayList<>(history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).list().stream().map(HistoricProcessInstance::getId).toList());
        for (int i = 0; i < instances.size(); i++) {
            history.createHistoricProcessInstanceQuery().superProcessInstanceId(instances.get(i)).list()
                    .forEach(child -> {
                        if (!instances.contains(child.getId())) {
                            instances.add(child.getId());
                        }
                    });
        }
        for (String instance : instances) {
            history.createHistoricDecisionInstanceQuery().processInstanceId(instance).list().stream()
                    .map(HistoricDecisionInstance::getId)
                    .forEach(history::deleteHistoricDecisionInstanceByInstanceId);
        }
        if (!instances.isEmpty()) {
            history.deleteHistoricProcessInstancesIfExists(instances);
        }
    }
}
