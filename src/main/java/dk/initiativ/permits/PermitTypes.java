package dk.initiativ.permits;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.database.ReadMostly;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The permit types (table {@code permit_type}, ADR 0040): each belongs to a department and has its decision deadline
 * in working days. Planning a permit offers the active ones; a retired type stays on the permits that name it.
 * <p>
 * Every permit on a page is labelled by its type, so the table is kept in memory as {@link Departments} is (ADR 0046):
 * {@link #offered}, {@link #find(String)}, {@link #label} and {@link #name} send no statement. {@link #all()} and
 * {@link #find(long)} (the admin's, with the versions a change is checked against) read the table each time.
 */
@Component
public class PermitTypes {

    /** One permit type. */
    public record PermitType(long id, String code, String nameDa, String nameEn, String departmentGroup,
            int decisionDays, boolean active, long version) {

        /** The name in the language (Danish unless English). */
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameDa;
        }
    }

    private static final String COLUMNS = "SELECT id, code, name_da, name_en, department_group, decision_days, active,"
            + " version FROM permit_type";
    private static final RowMapper<PermitType> ROW = (rs, i) -> new PermitType(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getLong(8));

    /** Every type by Danish and by English name (as the database orders them), and by code. */
    private record Snapshot(List<PermitType> byDanishName, List<PermitType> byEnglishName,
            Map<String, PermitType> byCode) {
    }

    private final JdbcTemplate jdbc;
    private final Departments departments;
    private final ReadMostly<Snapshot> snapshot;

    PermitTypes(JdbcTemplate jdbc, Departments departments, DepartmentProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.snapshot = new ReadMostly<>(properties.cacheFor(), transactions, () -> {
            List<PermitType> byDanishName = all();
            return new Snapshot(byDanishName, List.copyOf(jdbc.query(COLUMNS + " ORDER BY name_en_key", ROW)),
                    byDanishName.stream().collect(Collectors.toUnmodifiableMap(PermitType::code,
                            Function.identity())));
        });
    }

    /** Every type, retired ones too, by Danish name, as stored now (read from the table each time: the admin's). */
    public List<PermitType> all() {
        return List.copyOf(jdbc.query(COLUMNS + " ORDER BY name_da_key", ROW));
    }

    /** The types planning offers: active, of an active department, by name in the language. */
    public List<PermitType> offered(Locale locale) {
        Snapshot types = snapshot.current();
        return ("en".equals(locale.getLanguage()) ? types.byEnglishName() : types.byDanishName()).stream()
                .filter(type -> type.active() && departments.isActiveDepartment(type.departmentGroup())).toList();
    }

    public Optional<PermitType> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(snapshot.current().byCode().get(code));
    }

    /** The type as stored now, read past the kept snapshot: for the admin's checks inside a change. */
    Optional<PermitType> stored(String code) {
        return jdbc.query(COLUMNS + " WHERE code = ?", ROW, code).stream().findFirst();
    }

    /** Forgets the kept snapshot (now and when the current transaction ends): call it after changing the table. */
    void changed() {
        snapshot.changed();
    }

    Optional<PermitType> find(long id) {
        return jdbc.query(COLUMNS + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    /**
     * What a page calls the permit: its type's name in the reader's language, or the label it was planned with (a
     * free-text permit, or a type no longer there). Templates call it as {@code @permitTypes.label(permit, #locale)}.
     */
    public String label(PermitView permit, Locale locale) {
        return permit.permitTypeCode() == null ? permit.kind()
                : find(permit.permitTypeCode()).map(type -> type.name(locale)).orElse(permit.kind());
    }

    /** The type's name in the language, or null for no type (a permit planned as free text). */
    public String name(String code, Locale locale) {
        return code == null ? null : find(code).map(type -> type.name(locale)).orElse(code);
    }
}
