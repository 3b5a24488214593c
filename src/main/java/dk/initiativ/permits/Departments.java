package dk.initiativ.permits;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The departments that decide permits (table {@code department}, maintained by admins on {@code /admin/tilladelser};
 * ADR 0040): which groups they are, and their names. On the first start (an empty table) the configured
 * {@code initiativ.permits.departments} are entered once; after that the configuration is not read again.
 */
@Component
public class Departments {

    private static final Logger log = LoggerFactory.getLogger(Departments.class);

    private final JdbcTemplate jdbc;

    Departments(JdbcTemplate jdbc, DepartmentProperties properties) {
        this.jdbc = jdbc;
        seed(properties);
    }

    /** One department as the catalogue holds it. */
    public record Department(long id, String group, String nameDa, String nameEn, boolean active, long version) {

        /** The name in the language (Danish unless English). */
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
        }
    }

    /** Every department, active or retired, in the order they were added. */
    public List<Department> all() {
        return jdbc.query("SELECT id, group_id, name_da, name_en, active, version FROM department ORDER BY id",
                (rs, i) -> new Department(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getLong(6)));
    }

    /**
     * The group ids of every department, retired ones too: a retired department takes no new permits but still
     * decides those it has.
     */
    public List<String> groups() {
        return all().stream().map(Department::group).toList();
    }

    /** The group ids of the active departments: those a new permit can go to. */
    public List<String> activeGroups() {
        return all().stream().filter(Department::active).map(Department::group).toList();
    }

    public boolean isDepartment(String group) {
        return find(group).isPresent();
    }

    public boolean isActiveDepartment(String group) {
        return find(group).filter(Department::active).isPresent();
    }

    /** Those of the groups that are departments. */
    public List<String> departmentsAmong(Collection<String> groups) {
        return groups().stream().filter(groups::contains).toList();
    }

    /** The department's name in the language (Danish unless English), or the group id if it is not a department. */
    public String name(String group, Locale locale) {
        return find(group).map(department -> department.name(locale)).orElse(group);
    }

    public Optional<Department> find(String group) {
        return jdbc.query("SELECT id, group_id, name_da, name_en, active, version FROM department WHERE group_id = ?",
                (rs, i) -> new Department(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getLong(6)), group).stream().findFirst();
    }

    /** The configured departments, entered once into an empty table (several nodes at once: INSERT IGNORE). */
    private void seed(DepartmentProperties properties) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM department", Long.class);
        if (count != null && count == 0 && !properties.departments().isEmpty()) {
            for (DepartmentProperties.Department department : properties.departments()) {
                jdbc.update("INSERT IGNORE INTO department (group_id, name_da, name_en) VALUES (?, ?, ?)",
                        department.group(), department.nameDa(), department.nameEn());
            }
            log.info("Entered {} configured departments (initiativ.permits.departments) on the first start",
                    properties.departments().size());
        }
    }
}
