package dk.initiativ.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.initiative.CaseClosedException;
import dk.initiativ.initiative.CaseEventType;
import dk.initiativ.initiative.Cases;
import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Funding applications of a case and the fund officers' decisions on them. One application per case and
 * pool. A grant draws the pool's budget down in the same transaction with one conditional update, so that
 * two officers granting from the same pool at the same moment can never overspend it: the second one is
 * refused when the first one's grant left too little.
 */
@Service
@Transactional
public class FundingApplications {

    /** The group whose members may decide the applications of every pool. */
    public static final String ADMIN_GROUP = "admin";

    static final int TEXT_MAX_LENGTH = 4000;

    private static final Logger log = LoggerFactory.getLogger(FundingApplications.class);

    private final FundingApplicationRepository applications;
    private final FundingPoolRepository pools;
    private final Cases cases;
    private final ZoneId zone;
    private final Clock clock;

    FundingApplications(FundingApplicationRepository applications, FundingPoolRepository pools, Cases cases,
            Clock clock, DeadlineProperties deadlines) {
        this.zone = deadlines.zone();
        this.applications = applications;
        this.pools = pools;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * Proposes an application of the case to a pool, on or before the pool's application deadline (in the
     * municipality's time zone).
     *
     * @param amountRequested Danish kroner, more than zero, at most two decimals, at most the pool's total
     * @return the new application's id
     * @throws FieldProblemException field {@code pool}, {@code amountRequested} or {@code purpose}
     * @throws ConflictException     the case has applied to that pool already
     * @throws CaseClosedException   the case is closed
     */
    public long propose(String caseNumber, String poolCode, BigDecimal amountRequested, String purpose,
            String proposedBy) {
        Objects.requireNonNull(proposedBy, "proposedBy");
        // one writer per case: two proposals for the same case and pool queue up, the second sees the first
        long initiativeId = cases.lockOpen(caseNumber);
        if (poolCode == null || poolCode.isBlank()) {
            throw new FieldProblemException("pool", "funding.pool.required");
        }
        FundingPool pool = pools.findByCode(poolCode.strip())
                .orElseThrow(() -> new FieldProblemException("pool", "funding.pool.unknown"));
        if (!pool.toView().isOpenOn(today())) {
            throw new FieldProblemException("pool", "funding.pool.deadlinePassed");
        }
        BigDecimal amount = kroner("amountRequested", amountRequested);
        if (amount.compareTo(pool.getTotalBudget()) > 0) {
            throw new FieldProblemException("amountRequested", "funding.amountRequested.overTotal");
        }
        String text = text("purpose", purpose);
        if (applications.existsByInitiativeIdAndPoolId(initiativeId, pool.getId())) {
            throw new ConflictException("conflict.fundingApplicationExists",
                    "Case " + caseNumber + " has applied to pool " + pool.getCode() + " already");
        }
        FundingApplication application = applications.saveAndFlush(
                new FundingApplication(initiativeId, pool.getId(), amount, text, proposedBy, now()));
        cases.supportMilestone(caseNumber, CaseEventType.FUNDING_PROPOSED,
                pool.getName() + ": " + amount.toPlainString() + " kr.", proposedBy);
        log.info("Case {} applies to pool {} for {} kr. (application {})", caseNumber, pool.getCode(), amount,
                application.getId());
        return application.getId();
    }

    /**
     * Grants a proposed application {@code amount} kroner and draws the pool's budget down by it, atomically.
     *
     * @param officerGroups the officer's role groups: the pool's fund officer group or {@value #ADMIN_GROUP}
     * @throws NotFoundException     no such application
     * @throws ForbiddenException    the officer may not decide the pool's applications
     * @throws ConflictException     the application is decided already, or the pool's budget left is less
     *                               than {@code amount} (nothing is changed then)
     * @throws FieldProblemException field {@code amount}: missing, not above zero, more than two decimals
     *                               or more than requested
     */
    public FundingApplicationView grant(long applicationId, BigDecimal amount, String officer,
            Collection<String> officerGroups) {
        return grant(applicationId, amount, null, officer, officerGroups);
    }

    /**
     * Grants as {@link #grant(long, BigDecimal, String, Collection)}, with the officer's reason or note to the
     * citizen (why less than requested, for a partial grant), kept with the decision and shown to the citizen.
     *
     * @throws FieldProblemException field {@code reason}: longer than 4000 characters
     */
    public FundingApplicationView grant(long applicationId, BigDecimal amount, String reason, String officer,
            Collection<String> officerGroups) {
        String note = reason == null || reason.isBlank() ? null : text("reason", reason);
        Decision decision = decidable(applicationId, officer, officerGroups);
        FundingApplication application = decision.application();
        FundingPool pool = decision.pool();
        BigDecimal granted = kroner("amount", amount);
        if (granted.compareTo(application.getAmountRequested()) > 0) {
            throw new FieldProblemException("amount", "funding.amount.overRequested");
        }
        // never read-then-write: the update's condition decides, under the pool row's lock
        if (pools.drawDown(pool.getId(), granted) == 0) {
            BigDecimal left = pools.budgetLeft(pool.getId()).orElse(BigDecimal.ZERO);
            throw new ConflictException("conflict.fundingBudgetExhausted", "Pool " + pool.getCode() + " has "
                    + left + " kr. left, less than the " + granted + " kr. to grant to application " + applicationId);
        }
        application.grant(granted, note, officer, now());
        cases.supportMilestone(decision.caseNumber(), CaseEventType.FUNDING_GRANTED,
                pool.getName() + ": " + granted.toPlainString() + " kr.", officer);
        log.info("Application {} granted {} kr. from pool {} by {}", applicationId, granted, pool.getCode(), officer);
        return application.toView(pool);
    }

    /**
     * Rejects a proposed application with a reason for the citizen.
     *
     * @throws NotFoundException     no such application
     * @throws ForbiddenException    the officer may not decide the pool's applications
     * @throws ConflictException     the application is decided already
     * @throws FieldProblemException field {@code reason}: missing or longer than 4000 characters
     */
    public FundingApplicationView reject(long applicationId, String reason, String officer,
            Collection<String> officerGroups) {
        Decision decision = decidable(applicationId, officer, officerGroups);
        String text = text("reason", reason);
        decision.application().reject(text, officer, now());
        cases.supportMilestone(decision.caseNumber(), CaseEventType.FUNDING_REJECTED,
                decision.pool().getName() + ": " + text, officer);
        log.info("Application {} to pool {} rejected by {}", applicationId, decision.pool().getCode(), officer);
        return decision.application().toView(decision.pool());
    }

    /** The case's applications in the order they were proposed, for staff and for the citizen. */
    @Transactional(readOnly = true)
    public List<FundingApplicationView> forCase(String caseNumber) {
        List<FundingApplication> found = applications.findByInitiativeIdOrderByProposedAtAscIdAsc(
                cases.idOf(caseNumber));
        Map<Long, FundingPool> poolsById = pools.findAllById(found.stream().map(FundingApplication::getPoolId)
                .distinct().toList()).stream().collect(Collectors.toMap(FundingPool::getId, Function.identity()));
        return found.stream().map(application -> application.toView(poolsById.get(application.getPoolId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<FundingApplicationView> find(long applicationId) {
        return applications.findById(applicationId)
                .map(application -> application.toView(pools.findById(application.getPoolId()).orElseThrow()));
    }

    private record Decision(FundingApplication application, FundingPool pool, String caseNumber) {
    }

    /** The application, locked, if the officer may decide it and it waits for a decision. */
    private Decision decidable(long applicationId, String officer, Collection<String> officerGroups) {
        Objects.requireNonNull(officer, "officer");
        FundingApplication application = applications.findForDecision(applicationId)
                .orElseThrow(() -> new NotFoundException("No funding application " + applicationId));
        FundingPool pool = pools.findById(application.getPoolId()).orElseThrow();
        Collection<String> groups = officerGroups == null ? List.of() : officerGroups;
        if (!groups.contains(pool.getFundOfficerGroup()) && !groups.contains(ADMIN_GROUP)) {
            throw new ForbiddenException(officer + " is not in group " + pool.getFundOfficerGroup()
                    + " and may not decide application " + applicationId + " to pool " + pool.getCode());
        }
        if (!application.isProposed()) {
            throw new ConflictException("conflict.fundingDecided",
                    "Application " + applicationId + " is " + application.getStatus() + " already");
        }
        String caseNumber = cases.caseNumberOf(application.getInitiativeId());
        // a withdrawn or closed case gets no money
        cases.requireOpen(caseNumber);
        return new Decision(application, pool, caseNumber);
    }

    /** An amount of kroner: given, above zero, at most two decimals; scaled to two decimals. */
    private static BigDecimal kroner(String field, BigDecimal amount) {
        if (amount == null) {
            throw new FieldProblemException(field, "funding." + field + ".required");
        }
        if (amount.signum() <= 0) {
            throw new FieldProblemException(field, "funding." + field + ".positive");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new FieldProblemException(field, "funding." + field + ".decimals");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new FieldProblemException(field, "funding." + field + ".required");
        }
        String text = value.strip();
        if (text.length() > TEXT_MAX_LENGTH) {
            throw new FieldProblemException(field, "funding." + field + ".size");
        }
        return text;
    }

    /** Now, to the microsecond the database keeps: what a decision returns is what it stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
