package dk.initiativ.admin;

import java.util.List;

/** The kinds of reference data whose changes are recorded; each has its name under {@code admin.ref.kind.}. */
public final class ReferenceKinds {

    public static final String FUNDING_POOL = "funding-pool";
    public static final String STAFF_PROFILE = "staff-profile";
    public static final String TOPIC = "topic";
    public static final String DISTRICT = "district";
    public static final String TEAM = "team";
    public static final String MATCHING_RULE = "matching-rule";
    public static final String PARTNER = "partner";
    public static final String DEPARTMENT = "department";
    public static final String PERMIT_TYPE = "permit-type";
    public static final String POPULATION = "population";

    /** The kinds an admin can filter the record by, in the order the page offers them. */
    public static final List<String> ALL = List.of(FUNDING_POOL, STAFF_PROFILE, TOPIC, DISTRICT, TEAM, MATCHING_RULE, PARTNER, DEPARTMENT, PERMIT_TYPE, POPULATION);

    /** What was done: created, changed, a budget changed (with its reason). */
    public static final String CREATE = "CREATE";
    public static final String UPDATE = "UPDATE";
    public static final String BUDGET = "BUDGET";

    static final List<String> ACTIONS = List.of(CREATE, UPDATE, BUDGET);

    private ReferenceKinds() {
    }
}
