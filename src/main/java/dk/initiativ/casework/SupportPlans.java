package dk.initiativ.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dk.initiativ.funding.FundingApplications;
import dk.initiativ.funding.FundingPools;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Cases;
import dk.initiativ.network.PartnerLinks;
import dk.initiativ.permits.PermitRequirements;
import dk.initiativ.permits.PermitView;
import dk.initiativ.politics.PoliticalDecisions;
import dk.initiativ.process.InitiativeProcess;
import dk.initiativ.process.ProcessActors;
import dk.initiativ.web.FieldProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support plan: it opens the tracks the contact person chose (a funding application, permit
 * requirements, partner links, a forwarding to a committee) and records their decisions. The process
 * runs the tracks in parallel; each feature keeps its own rules.
 */
@Service
@Transactional
class SupportPlans {

    private final Cases cases;
    private final FundingApplications funding;
    private final FundingPools pools;
    private final PermitRequirements permits;
    private final PartnerLinks partners;
    private final PoliticalDecisions politics;
    private final InputCheck check;

    SupportPlans(Cases cases, FundingApplications funding, FundingPools pools, PermitRequirements permits,
            PartnerLinks partners, PoliticalDecisions politics, InputCheck check) {
        this.cases = cases;
        this.funding = funding;
        this.pools = pools;
        this.permits = permits;
        this.partners = partners;
        this.politics = politics;
        this.check = check;
    }

    /** Opens the chosen tracks; returns the process variables the tracks need (ids and groups). */
    Map<String, Object> plan(String caseNumber, SupportPlanInput input, String actor) {
        check.valid(input);
        Map<String, Object> variables = new HashMap<>();
        List<String> tracks = new ArrayList<>();
        if (input.funding()) {
            long applicationId = funding.propose(caseNumber, input.fundingPool(), input.fundingAmount(),
                    input.fundingPurpose(), actor);
            variables.put(InitiativeProcess.VAR_FUNDING_APPLICATION_ID, applicationId);
            variables.put(InitiativeProcess.VAR_FUNDING_OFFICER_GROUP,
                    pools.find(input.fundingPool().strip()).orElseThrow().fundOfficerGroup());
            tracks.add("funding");
        }
        if (input.permits()) {
            // only permit types are planned (ADR 0045); free text was refused before the task was completed
            List<String> types = input.permitTypes() == null ? List.of() : input.permitTypes();
            if (types.isEmpty()) {
                throw new FieldProblemException("permitTypes", "supportPlan.permits.required");
            }
            types.stream().distinct().forEach(code -> {
                long permitId = permits.requireType(caseNumber, code, actor);
                cases.supportMilestone(caseNumber, CaseEventType.PERMIT_REQUIRED,
                        permits.forCase(caseNumber).stream().filter(p -> p.id() == permitId).findFirst()
                                .orElseThrow().kind(), actor);
            });
            tracks.add("permits");
        }
        if (input.partners()) {
            if (input.partnerIds() == null || input.partnerIds().isEmpty()) {
                throw new FieldProblemException("partnerIds", "supportPlan.partners.required");
            }
            input.partnerIds().forEach(partnerId -> partners.link(caseNumber, partnerId, null, actor));
            cases.supportMilestone(caseNumber, CaseEventType.PARTNER_LINKED, partners.forCase(caseNumber).stream()
                    .map(link -> link.partnerName()).collect(Collectors.joining(", ")), actor);
            tracks.add("partners");
        }
        if (input.political()) {
            politics.forward(caseNumber, input.committee(), actor);
            cases.supportMilestone(caseNumber, CaseEventType.POLITICAL_FORWARDED, input.committee().strip(), actor);
            tracks.add("political");
        }
        cases.supportMilestone(caseNumber, CaseEventType.SUPPORT_PLANNED, String.join(", ", tracks), actor);
        return variables;
    }

    void fundingDecided(long applicationId, boolean granted, BigDecimal amount, String reason, String officer,
            Collection<String> groups) {
        if (granted) {
            funding.grant(applicationId, amount, reason, officer, groups);
        } else {
            funding.reject(applicationId, reason, officer, groups);
        }
    }

    void permitDecided(String caseNumber, long permitId, boolean approved, String reason, String officer,
            Collection<String> groups) {
        PermitView permit = permits.decide(permitId, approved, reason, officer, groups);
        cases.supportMilestone(caseNumber, approved ? CaseEventType.PERMIT_APPROVED : CaseEventType.PERMIT_REFUSED,
                approved ? permit.kind() : permit.kind() + ": " + permit.reason(), officer);
    }

    void politicalDecision(String caseNumber, String decision, LocalDate decidedOn, String actor) {
        politics.record(caseNumber, decision, decidedOn, actor);
        cases.supportMilestone(caseNumber, CaseEventType.POLITICAL_DECIDED, decision, actor);
    }

    void completed(String caseNumber) {
        cases.supportMilestone(caseNumber, CaseEventType.SUPPORT_COMPLETED, null, ProcessActors.SYSTEM);
    }

    /**
     * Free-text permits as the engine may still receive them ({@code permitLines}: an old form left open, the engine
     * REST API): refused on that field, never dropped (ADR 0045).
     */
    static void refuseFreeText(Object lines) {
        if (lines != null && !lines.toString().isBlank()) {
            throw new FieldProblemException(InitiativeProcess.VAR_PERMIT_LINES, "supportPlan.permits.typesOnly");
        }
    }

    /**
     * Partner ids as a process variable holds them: comma-separated (the API), a JSON list (Tasklist's
     * checklist submits one, as text ids) or a Java list.
     */
    static List<Long> partnerIdsOf(Object ids) {
        if (ids == null) {
            return List.of();
        }
        String text = ids instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : ids.toString();
        return partnerIds(text.replaceAll("[\\[\\]\"\\s]", ""));
    }

    /** Permit type codes as a process variable holds them: comma-separated (the API), a JSON list or a Java list. */
    static List<String> permitTypesOf(Object codes) {
        if (codes == null) {
            return List.of();
        }
        String text = codes instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                : codes.toString();
        return Arrays.stream(text.replaceAll("[\\[\\]\"\\s]", "").split(",")).filter(code -> !code.isEmpty())
                .toList();
    }

    /** Tasklist sends partner ids comma-separated. */
    static List<Long> partnerIds(String ids) {
        if (ids == null || ids.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).map(Long::valueOf)
                    .toList();
        } catch (NumberFormatException e) {
            throw new FieldProblemException("partnerIds", "supportPlan.partners.ids");
        }
    }

    static String partnerIds(List<Long> ids) {
        return ids == null ? null : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
