package dk.initiativ.permits;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The permit types (table {@code permit_type}, ADR 0040): each belongs to a department and has its decision deadline
 * in working days. Planning a permit offers the active ones; a retired type stays on the permits that name it.
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

    private final JdbcTemplate jdbc;

    PermitTypes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every type, retired ones too, by Danish name. */
    public List<PermitType> all() {
        return jdbc.query(COLUMNS + " ORDER BY name_da_key", ROW);
    }

    /** The types planning offers: active, of an active department, by name in the language. */
    public List<PermitType> offered(Locale locale) {
        return jdbc.query(COLUMNS + " t WHERE t.active AND EXISTS (SELECT 1 FROM department d"
                + " WHERE d.group_id = t.department_group AND d.active) ORDER BY "
                + ("en".equals(locale.getLanguage()) ? "name_en_key" : "name_da_key"), ROW);
    }

    public Optional<PermitType> find(String code) {
        return jdbc.query(COLUMNS + " WHERE code = ?", ROW, code).stream().findFirst();
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
