package dk.initiativ.permits;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The municipality's departments that decide permits. Each is a group (Camunda group id = Keycloak top-level
 * group path) whose members have the department role: they see and decide their department's permit tasks.
 * Read once, on the first start, to seed the {@code department} table (ADR 0040); admins maintain it after that.
 *
 * @param departments the departments, each with its group id and its name in Danish and English
 * @param cacheFor    how long a node keeps the departments and permit types it read before it reads them again. A
 *                    change made on this node is seen at once; a change made on another node within this time.
 */
@ConfigurationProperties("initiativ.permits")
public record DepartmentProperties(@DefaultValue List<Department> departments,
        @DefaultValue("PT30S") Duration cacheFor) {

    /**
     * One department.
     *
     * @param group  its group id, e.g. {@code vej-park}
     * @param nameDa its name in Danish, e.g. "Vej og Park"
     * @param nameEn its name in English, e.g. "Roads and Parks"
     */
    public record Department(String group, String nameDa, String nameEn) {
    }

    /** Group ids that are roles, never departments. */
    static final Set<String> ROLE_GROUPS = Set.of("citizen", "intake", "contact-staff", "fund-officer",
            "manager", "admin", "camunda-admin", "department");

    public DepartmentProperties {
        departments = departments == null ? List.of() : List.copyOf(departments);
        if (cacheFor == null || cacheFor.isNegative()) {
            throw new IllegalArgumentException("initiativ.permits.cache-for must not be negative");
        }
        Set<String> seen = new HashSet<>();
        for (Department department : departments) {
            if (department.group() == null || !PermitRequirements.DEPARTMENT_GROUP.matcher(department.group()).matches()) {
                throw new IllegalArgumentException("initiativ.permits.departments: group " + department.group()
                        + " is not a group id (lower-case letters, digits and hyphens, 2-64 characters)");
            }
            if (ROLE_GROUPS.contains(department.group()) || !seen.add(department.group())) {
                throw new IllegalArgumentException("initiativ.permits.departments: group " + department.group()
                        + " is a role or named twice");
            }
            if (department.nameDa() == null || department.nameDa().isBlank() || department.nameEn() == null
                    || department.nameEn().isBlank()) {
                throw new IllegalArgumentException("initiativ.permits.departments: group " + department.group()
                        + " needs name-da and name-en");
            }
        }
    }
}
