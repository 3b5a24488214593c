package dk.initiativ.permits;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.database.ReadMostly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The departments that decide permits (table {@code department}, maintained by admins on {@code /admin/tilladelser};
 * ADR 0040): which groups they are, and their names. On the first start (an empty table) the configured
 * {@code initiativ.permits.departments} are entered once; after that the configuration is not read again.
 * <p>
 * Logins, every case access check, the case page and the task forms ask; the table changes a few times a year. So it
 * is read whole and kept in memory for {@code initiativ.permits.cache-for} ({@link ReadMostly}, ADR 0046): asking
 * sends no statement. {@link PermitCatalogAdmin} calls {@link #changed()} after each change; other nodes see a change
 * within the configured time. Only {@link #all()} (the admin's list, with the versions a change is checked against)
 * reads the table each time.
 */
@Component
public class Departments {

    private static final Logger log = LoggerFactory.getLogger(Departments.class);

    private static final String COLUMNS = "SELECT id, group_id, name_da, name_en, active, version FROM department";
    private static final RowMapper<Department> ROW = (rs, i) -> new Department(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getLong(6));

    /** Every department in the order they were added, and by group. */
    private record Snapshot(List<Department> all, Map<String, Department> byGroup) {

        static Snapshot of(List<Department> all) {
            return new Snapshot(List.copyOf(all),
                    all.stream().collect(Collectors.toUnmodifiableMap(Department::group, Function.identity())));
        }
    }

    private final JdbcTemplate jdbc;
    private final ReadMostly<Snapshot> snapshot;
    private final long keptSeconds;

    Departments(JdbcTemplate jdbc, DepartmentProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.keptSeconds = properties.cacheFor().toSeconds();
        this.snapshot = new ReadMostly<>(properties.cacheFor(), transactions, () -> Snapshot.of(all()));
        seed(properties);
    }

    /** One department as the catalogue holds it. */
    public record Department(long id, String group, String nameDa, String nameEn, boolean active, long version) {

        /** The name in the language (Danish unless English). */
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
        }
    }

    /**
     * Every department, active or retired, in the order they were added, as stored now (read from the table each
     * time: the admin's list, whose versions a change is checked against).
     */
    public List<Department> all() {
        return jdbc.query(COLUMNS + " ORDER BY id", ROW);
    }

    /**
     * The group ids of every department, retired ones too: a retired department takes no new permits but still
     * decides those it has.
     */
    public List<String> groups() {
        return snapshot.current().all().stream().map(Department::group).toList();
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
        return group == null ? Optional.empty() : Optional.ofNullable(snapshot.current().byGroup().get(group));
    }

    /** The department as stored now, read past the kept snapshot: for the admin's checks inside a change. */
    Optional<Department> stored(String group) {
        return jdbc.query(COLUMNS + " WHERE group_id = ?", ROW, group).stream().findFirst();
    }

    /** How long another node may still show the departments and permit types from before a change (admin page). */
    public long keptSeconds() {
        return keptSeconds;
    }

    /** Forgets the kept snapshot (now and when the current transaction ends): call it after changing the table. */
    void changed() {
        snapshot.changed();
    }

    /** The configured departments, entered once into an empty table (several nodes at once: INSERT IGNORE). */
    private void seed(DepartmentProperties properties) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM department", Long.class);
        if (count != null && count == 0 && !properties.departments().isEmpty()) {
            for (DepartmentProperties.Department department : properties.departments()) {
                jdbc.update("INSERT IGNORE INTO department (group_id, name_da, name_en) VALUES (?, ?, ?)",
                        department.group(), department.nameDa(), department.nameEn());
            }
            snapshot.changed();
            log.info("Entered {} configured departments (initiativ.permits.departments) on the first start",
                    properties.departments().size());
        }
    }
}
