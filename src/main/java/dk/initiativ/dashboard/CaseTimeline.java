package dk.initiativ.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Stage;
import dk.initiativ.process.DeadlineProperties;

/**
 * The stages and the promised deadlines of one case, derived from its timeline alone (ADR 0024). A pure function of
 * the events in their order, so that the live projection and the backfill give the same rows.
 *
 * <p><b>Stages</b> follow the same events that change {@code initiative.stage}: SUBMITTED enters SUBMITTED,
 * INFORMATION_REQUESTED enters AWAITING_INFORMATION, INFORMATION_PROVIDED enters SUBMITTED again, ACCEPTED enters
 * ACCEPTED, CONTACT_ASSIGNED enters MATCHED, AGREEMENT_RECORDED enters AGREED, and every closing event (CLOSED,
 * WITHDRAWN, CLOSED_INACTIVE, REDIRECTED, MARKED_DUPLICATE) ends the stay in the last stage.
 *
 * <p><b>Deadlines</b> (each counted in working days from its start, at the same time of day, as the BPMN sets the
 * task's due date): screening starts at SUBMITTED and INFORMATION_PROVIDED (intake screens anew) and is answered by
 * ACCEPTED, REDIRECTED, MARKED_DUPLICATE or INFORMATION_REQUESTED; acceptance starts at CONTACT_PROPOSED and is
 * answered by CONTACT_ASSIGNED or CONTACT_DECLINED (MATCH_ESCALATED: the timer fired, breached); first contact
 * starts at CONTACT_ASSIGNED and is answered by AGREEMENT_RECORDED; follow-up starts at SUPPORT_COMPLETED and at each
 * PROGRESS_RECORDED (the next check-in is due after the follow-up interval plus the check-in time) and is answered
 * by the next PROGRESS_RECORDED or CLOSED. An answer by the due moment is MET, after it BREACHED. A closing event
 * that is no answer ends the open deadlines: BREACHED when already past due, else CANCELLED (not counted).
 */
final class CaseTimeline {

    enum Kind { SCREENING, ACCEPTANCE, FIRST_CONTACT, PERMIT, FOLLOW_UP }

    enum Status { OPEN, MET, BREACHED, CANCELLED }

    record Event(CaseEventType type, Instant at) {
    }

    record StageVisit(Stage stage, Instant enteredAt, Instant leftAt, Double workingDays) {
    }

    record Deadline(Kind kind, Instant startedAt, Instant dueAt, Instant endedAt, Status status) {
    }

    record Result(List<StageVisit> visits, List<Deadline> deadlines) {
    }

    private static final Set<CaseEventType> CLOSING = EnumSet.of(CaseEventType.CLOSED, CaseEventType.WITHDRAWN,
            CaseEventType.CLOSED_INACTIVE, CaseEventType.REDIRECTED, CaseEventType.MARKED_DUPLICATE);

    private static final Map<CaseEventType, Stage> ENTERS = new EnumMap<>(Map.of(
            CaseEventType.SUBMITTED, Stage.SUBMITTED,
            CaseEventType.INFORMATION_REQUESTED, Stage.AWAITING_INFORMATION,
            CaseEventType.INFORMATION_PROVIDED, Stage.SUBMITTED,
            CaseEventType.ACCEPTED, Stage.ACCEPTED,
            CaseEventType.CONTACT_ASSIGNED, Stage.MATCHED,
            CaseEventType.AGREEMENT_RECORDED, Stage.AGREED));

    private static final Map<Kind, Set<CaseEventType>> ANSWERS = new EnumMap<>(Map.of(
            Kind.SCREENING, EnumSet.of(CaseEventType.ACCEPTED, CaseEventType.REDIRECTED, CaseEventType.MARKED_DUPLICATE,
                    CaseEventType.INFORMATION_REQUESTED),
            Kind.ACCEPTANCE, EnumSet.of(CaseEventType.CONTACT_ASSIGNED, CaseEventType.CONTACT_DECLINED),
            Kind.FIRST_CONTACT, EnumSet.of(CaseEventType.AGREEMENT_RECORDED),
            Kind.FOLLOW_UP, EnumSet.of(CaseEventType.PROGRESS_RECORDED, CaseEventType.CLOSED)));

    private final WorkingTime workingTime;
    private final DeadlineProperties properties;

    CaseTimeline(WorkingTime workingTime, DeadlineProperties properties) {
        this.workingTime = workingTime;
        this.properties = properties;
    }

    /** The municipality's zone (local days of the per-day counts). */
    ZoneId zone() {
        return workingTime.zone();
    }

    /** The case's stage visits and deadlines from its events in the order they happened. */
    Result derive(List<Event> events) {
        List<StageVisit> visits = new ArrayList<>();
        List<Deadline> deadlines = new ArrayList<>();
        Stage current = null;
        Instant enteredAt = null;
        Map<Kind, Deadline> open = new EnumMap<>(Kind.class);
        for (Event event : events) {
            CaseEventType type = event.type();
            Instant at = event.at();
            // answers first, then closings, then what starts
            for (Kind kind : List.copyOf(open.keySet())) {
                Deadline deadline = open.get(kind);
                if (ANSWERS.getOrDefault(kind, Set.of()).contains(type)) {
                    deadlines.add(end(deadline, at, !at.isAfter(deadline.dueAt()) ? Status.MET : Status.BREACHED));
                    open.remove(kind);
                } else if (kind == Kind.ACCEPTANCE && type == CaseEventType.MATCH_ESCALATED) {
                    deadlines.add(end(deadline, at, Status.BREACHED));
                    open.remove(kind);
                } else if (CLOSING.contains(type)) {
                    deadlines.add(end(deadline, at, at.isAfter(deadline.dueAt()) ? Status.BREACHED : Status.CANCELLED));
                    open.remove(kind);
                }
            }
            Stage enters = ENTERS.get(type);
            if ((enters != null && enters != current) || (CLOSING.contains(type) && current != null)) {
                if (current != null) {
                    visits.add(new StageVisit(current, enteredAt, at, workingTime.between(enteredAt, at)));
                }
                current = CLOSING.contains(type) ? null : enters;
                enteredAt = at;
            }
            if (CLOSING.contains(type)) {
                open.clear();
                continue;
            }
            switch (type) {
                case SUBMITTED, INFORMATION_PROVIDED -> start(open, deadlines, Kind.SCREENING, at, properties.intakeScreening());
                case CONTACT_PROPOSED -> start(open, deadlines, Kind.ACCEPTANCE, at, properties.contactAcceptance());
                case CONTACT_ASSIGNED -> start(open, deadlines, Kind.FIRST_CONTACT, at, properties.firstContact());
                case SUPPORT_COMPLETED, PROGRESS_RECORDED -> start(open, deadlines, Kind.FOLLOW_UP, at,
                        properties.followUpInterval() + properties.checkIn());
                default -> {
                }
            }
        }
        if (current != null) {
            visits.add(new StageVisit(current, enteredAt, null, null));
        }
        deadlines.addAll(open.values());
        deadlines.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return new Result(visits, deadlines);
    }

    private void start(Map<Kind, Deadline> open, List<Deadline> ended, Kind kind, Instant at, int workingDays) {
        Deadline previous = open.remove(kind);
        if (previous != null) {
            // started anew without an answer (should not happen in the process): the old one is no promise any more
            ended.add(end(previous, at, at.isAfter(previous.dueAt()) ? Status.BREACHED : Status.CANCELLED));
        }
        ZoneId zone = workingTime.zone();
        Instant due = workingTime.calendar().addWorkingDays(at.atZone(zone), workingDays).toInstant();
        open.put(kind, new Deadline(kind, at, due, null, Status.OPEN));
    }

    private static Deadline end(Deadline deadline, Instant at, Status status) {
        return new Deadline(deadline.kind(), deadline.startedAt(), deadline.dueAt(), at, status);
    }
}
