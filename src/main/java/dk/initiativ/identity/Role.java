package dk.initiativ.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The roles of Initiativ. In both identity modes a role is a group (Camunda group id = Keycloak
 * top-level group path); Spring Security sees it as the authority {@code ROLE_<group id>}.
 */
public enum Role {
    CITIZEN("citizen"),
    INTAKE("intake"),
    CONTACT_STAFF("contact-staff"),
    FUND_OFFICER("fund-officer"),
    MANAGER("manager"),
    ADMIN("admin"),
    /**
     * A member of a configured department's group (e.g. {@code vej-park}, see
     * {@link dk.initiativ.permits.DepartmentProperties}): decides that department's permits and reads what a permit
     * decision needs, nothing else. No group of its own: the department groups give it.
     */
    DEPARTMENT("department");

    /** Roles of municipal staff: they may use Tasklist and the staff API. */
    public static final String[] STAFF = {"intake", "contact-staff", "fund-officer", "manager", "admin"};

    /** Every role of municipal staff, the department role included: they may use Tasklist and their work list. */
    public static final String[] STAFF_AND_DEPARTMENTS = {"intake", "contact-staff", "fund-officer", "manager", "admin",
            "department"};

    private final String groupId;

    Role(String groupId) {
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    public String authority() {
        return "ROLE_" + groupId;
    }

    public static Optional<Role> ofGroup(String groupId) {
        return Arrays.stream(values()).filter(role -> role != DEPARTMENT && role.groupId.equals(groupId)).findFirst();
    }
}
