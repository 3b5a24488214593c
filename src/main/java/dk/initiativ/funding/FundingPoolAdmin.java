package dk.initiativ.funding;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.VisibleText;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to the funding pools (issue 13): create, describe (name, criteria, deadline, fund-officer
 * group, open or closed) and change the budget. Each change is recorded in the change record in the same
 * transaction (ADR 0030). A budget change locks the pool's row, so that no grant and no other budget change
 * comes between reading what is granted and writing the new budget: the budget never goes below what is granted,
 * and an admin who changes a budget another admin changed since they read it is told so instead of overwriting it.
 * A new or changed fund-officer group must be a group the identity knows (local users or Keycloak): a misspelt group
 * would send the pool's applications to no one.
 */
@Service
public class FundingPoolAdmin {

    static final int NAME_MAX = 150;
    static final int CRITERIA_MAX = 4000;
    static final int REASON_MAX = 1000;
    static final BigDecimal BUDGET_MAX = new BigDecimal("9999999999.99");

    private final FundingPoolRepository pools;
    private final ReferenceChanges changes;
    private final IdentityService identity;

    FundingPoolAdmin(FundingPoolRepository pools, ReferenceChanges changes, IdentityService identity) {
        this.pools = pools;
        this.changes = changes;
        this.identity = identity;
    }

    /** A pool as an admin describes it; the budget is the total (only used when a pool is created). */
    public record PoolForm(String name, String criteria, BigDecimal totalBudget, LocalDate applicationDeadline,
            String fundOfficerGroup, Boolean open) {
    }

    /** What the change record keeps of a pool. */
    record Snapshot(String code, String name, String criteria, BigDecimal totalBudget, BigDecimal budgetLeft,
            LocalDate applicationDeadline, String fundOfficerGroup, boolean open) {

        static Snapshot of(FundingPool pool) {
            return new Snapshot(pool.getCode(), pool.getName(), pool.getCriteria(), pool.getTotalBudget(),
                    pool.getBudgetLeft(), pool.getApplicationDeadline(), pool.getFundOfficerGroup(), pool.isOpen());
        }
    }

    /** Creates a pool with a code made from its name. */
    @Transactional
    public FundingPoolView create(PoolForm form, String who) {
        return create(null, form, who);
    }

    /** Creates a pool with the given code (the demo data's), or one made from its name when null. */
    @Transactional
    public FundingPoolView create(String code, PoolForm form, String who) {
        PoolForm valid = validate(form, null, true, null);
        String poolCode = code != null ? code : freeCode(valid.name());
        FundingPool pool = new FundingPool(poolCode, valid.name(), valid.criteria(), valid.totalBudget(),
                valid.applicationDeadline(), valid.fundOfficerGroup());
        pool.describe(valid.name(), valid.criteria(), valid.applicationDeadline(), valid.fundOfficerGroup(),
                valid.open());
        saveAndFlush(pool);
        changes.record(who, ReferenceKinds.FUNDING_POOL, String.valueOf(pool.getId()), ReferenceKinds.CREATE, null,
                Snapshot.of(pool), null);
        return pool.toView();
    }

    /** Changes everything but the budget. */
    @Transactional
    public FundingPoolView update(long id, PoolForm form, String who) {
        FundingPool pool = pools.findById(id).orElseThrow(() -> new NotFoundException("No pool " + id));
        PoolForm valid = validate(form, id, false, pool.getFundOfficerGroup());
        Snapshot before = Snapshot.of(pool);
        pool.describe(valid.name(), valid.criteria(), valid.applicationDeadline(), valid.fundOfficerGroup(),
                valid.open());
        saveAndFlush(pool);
        Snapshot after = Snapshot.of(pool);
        if (!after.equals(before)) {
            changes.record(who, ReferenceKinds.FUNDING_POOL, String.valueOf(id), ReferenceKinds.UPDATE, before, after,
                    null);
        }
        return pool.toView();
    }

    /**
     * Changes the pool's total budget from {@code from} (the budget the admin saw) to {@code to}, for a reason.
     * Refused: a budget below what is granted (field {@code totalBudget}), a missing reason (field {@code reason}),
     * and a budget that is no longer {@code from} because someone changed it meanwhile (409).
     */
    @Transactional
    public FundingPoolView changeBudget(long id, BigDecimal from, BigDecimal to, String reason, String who) {
        if (from == null) {
            throw new FieldProblemException("from", "admin.ref.pool.error.from");
        }
        BigDecimal newTotal = amount(to, "totalBudget");
        String why = text(reason, "reason", REASON_MAX, "admin.ref.pool.error.reason");
        FundingPool pool = pools.lockById(id).orElseThrow(() -> new NotFoundException("No pool " + id));
        if (pool.getTotalBudget().compareTo(from) != 0) {
            throw new ConflictException("admin.ref.pool.conflict.budgetChanged",
                    "The budget of pool " + id + " is " + pool.getTotalBudget() + ", not " + from);
        }
        if (newTotal.compareTo(pool.getTotalBudget().subtract(pool.getBudgetLeft())) < 0) {
            throw new FieldProblemException("totalBudget", "admin.ref.pool.error.belowGranted");
        }
        Snapshot before = Snapshot.of(pool);
        pool.changeBudget(newTotal);
        pools.saveAndFlush(pool);
        changes.record(who, ReferenceKinds.FUNDING_POOL, String.valueOf(id), ReferenceKinds.BUDGET, before,
                Snapshot.of(pool), why);
        return pool.toView();
    }

    private void saveAndFlush(FundingPool pool) {
        try {
            pools.saveAndFlush(pool);
        } catch (DataIntegrityViolationException e) {
            // two admins gave two pools the same name (or names with the same code) at the same moment: the unique
            // keys settled it
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("uk_funding_pool_code")) {
                throw new ConflictException("admin.ref.pool.conflict.codeTaken",
                        "Another pool took the code " + pool.getCode() + " meanwhile");
            }
            throw new FieldProblemException("name", "admin.ref.pool.error.nameTaken");
        }
    }

    /** The form with its texts trimmed, or the first field problem; {@code groupNow} is the stored group, if any. */
    private PoolForm validate(PoolForm form, Long id, boolean withBudget, String groupNow) {
        String name = text(form.name(), "name", NAME_MAX, "admin.ref.pool.error.name");
        if (pools.nameTaken(name, id)) {
            throw new FieldProblemException("name", "admin.ref.pool.error.nameTaken");
        }
        String criteria = text(form.criteria(), "criteria", CRITERIA_MAX, "admin.ref.pool.error.criteria");
        BigDecimal budget = withBudget ? amount(form.totalBudget(), "totalBudget") : null;
        String group = form.fundOfficerGroup() == null ? "" : form.fundOfficerGroup().strip();
        if (!group.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new FieldProblemException("fundOfficerGroup", "admin.ref.pool.error.group");
        }
        if (!group.equals(groupNow) && identity.createGroupQuery().groupId(group).count() == 0) {
            throw new FieldProblemException("fundOfficerGroup", "admin.ref.pool.error.groupUnknown");
        }
        return new PoolForm(name, criteria, budget, form.applicationDeadline(), group,
                form.open() == null || form.open());
    }

    private static BigDecimal amount(BigDecimal amount, String field) {
        if (amount == null) {
            throw new FieldProblemException(field, "admin.ref.pool.error.budget");
        }
        if (amount.signum() < 0 || amount.compareTo(BUDGET_MAX) > 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new FieldProblemException(field, "admin.ref.pool.error.budget");
        }
        return amount.setScale(2);
    }

    private static String text(String value, String field, int max, String key) {
        String text = value == null ? "" : value.strip();
        if (VisibleText.isBlank(text) || text.length() > max) {
            throw new FieldProblemException(field, key);
        }
        return text;
    }

    /** A code from the name (lower case ASCII and hyphens), with a number added when it is taken. */
    private String freeCode(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe")
                .replace("å", "aa"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "pulje";
        }
        base = base.length() > 30 ? base.substring(0, 30) : base;
        String code = base;
        for (int n = 2; pools.existsByCode(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
