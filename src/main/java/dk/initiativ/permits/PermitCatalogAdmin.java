package dk.initiativ.permits;

import java.text.Normalizer;
import java.util.Locale;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.VisibleText;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to the departments and permit types (issue 13, ADR 0040): create, rename, change the deadline,
 * retire or take back. Each change is recorded in the change record in the same transaction; a change to a row
 * another admin changed since the caller read it (its version) answers 409. Names are unique in each language,
 * ignoring case; a department's group must be a group the identity knows (local users or Keycloak) and not a role.
 */
@Service
public class PermitCatalogAdmin {

    static final int NAME_MAX = 120;
    static final int DAYS_MAX = 250;

    private final JdbcTemplate jdbc;
    private final Departments departments;
    private final PermitTypes types;
    private final IdentityService identity;
    private final ReferenceChanges changes;
    private final ApplicationEventPublisher events;

    PermitCatalogAdmin(JdbcTemplate jdbc, Departments departments, PermitTypes types, IdentityService identity,
            ReferenceChanges changes, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.departments = departments;
        this.types = types;
        this.identity = identity;
        this.changes = changes;
    }

    /** A department as an admin describes it; {@code version} is the one read (ignored on create). */
    public record DepartmentForm(String group, String nameDa, String nameEn, Boolean active, Long version) {
    }

    /** A permit type as an admin describes it; {@code version} is the one read (ignored on create). */
    public record PermitTypeForm(String nameDa, String nameEn, String departmentGroup, Integer decisionDays,
            Boolean active, Long version) {
    }

    @Transactional
    public Departments.Department createDepartment(DepartmentForm form, String who) {
        String group = form.group() == null ? "" : form.group().strip();
        if (!PermitRequirements.DEPARTMENT_GROUP.matcher(group).matches()) {
            throw new FieldProblemException("group", "admin.permits.error.group");
        }
        if (DepartmentProperties.ROLE_GROUPS.contains(group)) {
            throw new FieldProblemException("group", "admin.permits.error.groupRole");
        }
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            throw new FieldProblemException("group", "admin.permits.error.groupUnknown");
        }
        if (departments.stored(group).isPresent()) {
            throw new FieldProblemException("group", "admin.permits.error.groupTaken");
        }
        String nameDa = name(form.nameDa(), "nameDa");
        String nameEn = name(form.nameEn(), "nameEn");
        uniqueNames("department", nameDa, nameEn, null);
        insertOrUpdate(() -> jdbc.update("INSERT INTO department (group_id, name_da, name_en, active) VALUES (?, ?, ?, ?)",
                group, nameDa, nameEn, form.active() == null || form.active()));
        Departments.Department created = departments.stored(group).orElseThrow();
        changes.record(who, ReferenceKinds.DEPARTMENT, String.valueOf(created.id()), ReferenceKinds.CREATE, null,
                created, null);
        departments.changed();
        events.publishEvent(new DepartmentAdded(group));
        return created;
    }

    /** Renames, retires or takes back a department; its group stays (permits and tasks name it). */
    @Transactional
    public Departments.Department updateDepartment(long id, DepartmentForm form, String who) {
        Departments.Department before = departments.all().stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No department " + id));
        String nameDa = name(form.nameDa(), "nameDa");
        String nameEn = name(form.nameEn(), "nameEn");
        uniqueNames("department", nameDa, nameEn, id);
        boolean active = form.active() == null ? before.active() : form.active();
        long version = form.version() == null ? before.version() : form.version();
        int updated = insertOrUpdate(() -> jdbc.update("UPDATE department SET name_da = ?, name_en = ?, active = ?,"
                + " version = version + 1 WHERE id = ? AND version = ?", nameDa, nameEn, active, id, version));
        if (updated == 0) {
            throw new ConflictException("admin.permits.conflict", "Department " + id + " changed since version " + version);
        }
        Departments.Department after = departments.stored(before.group()).orElseThrow();
        departments.changed();
        if (!after.equals(new Departments.Department(id, before.group(), before.nameDa(), before.nameEn(),
                before.active(), after.version()))) {
            changes.record(who, ReferenceKinds.DEPARTMENT, String.valueOf(id), ReferenceKinds.UPDATE, before, after,
                    null);
        }
        return after;
    }

    @Transactional
    public PermitTypes.PermitType createPermitType(PermitTypeForm form, String who) {
        return createPermitType(null, form, who);
    }

    /** Creates a type with the given code (the demo data's), or one made from its Danish name when null. */
    @Transactional
    public PermitTypes.PermitType createPermitType(String code, PermitTypeForm form, String who) {
        String nameDa = name(form.nameDa(), "nameDa");
        String nameEn = name(form.nameEn(), "nameEn");
        String group = department(form.departmentGroup(), null);
        int days = days(form.decisionDays());
        uniqueNames("permit_type", nameDa, nameEn, null);
        String typeCode = code != null ? code : freeCode(nameDa);
        insertOrUpdate(() -> jdbc.update("INSERT INTO permit_type (code, name_da, name_en, department_group,"
                + " decision_days, active) VALUES (?, ?, ?, ?, ?, ?)", typeCode, nameDa, nameEn, group, days,
                form.active() == null || form.active()));
        PermitTypes.PermitType created = types.stored(typeCode).orElseThrow();
        changes.record(who, ReferenceKinds.PERMIT_TYPE, String.valueOf(created.id()), ReferenceKinds.CREATE, null,
                created, null);
        types.changed();
        return created;
    }

    /** Renames, moves, changes the deadline of, retires or takes back a type; its code stays. */
    @Transactional
    public PermitTypes.PermitType updatePermitType(long id, PermitTypeForm form, String who) {
        PermitTypes.PermitType before = types.find(id).orElseThrow(() -> new NotFoundException("No permit type " + id));
        String nameDa = name(form.nameDa(), "nameDa");
        String nameEn = name(form.nameEn(), "nameEn");
        String group = department(form.departmentGroup(), before.departmentGroup());
        int days = days(form.decisionDays());
        uniqueNames("permit_type", nameDa, nameEn, id);
        boolean active = form.active() == null ? before.active() : form.active();
        long version = form.version() == null ? before.version() : form.version();
        int updated = insertOrUpdate(() -> jdbc.update("UPDATE permit_type SET name_da = ?, name_en = ?,"
                + " department_group = ?, decision_days = ?, active = ?, version = version + 1 WHERE id = ?"
                + " AND version = ?", nameDa, nameEn, group, days, active, id, version));
        if (updated == 0) {
            throw new ConflictException("admin.permits.conflict", "Permit type " + id + " changed since version " + version);
        }
        PermitTypes.PermitType after = types.find(id).orElseThrow();
        types.changed();
        if (!after.equals(new PermitTypes.PermitType(id, before.code(), before.nameDa(), before.nameEn(),
                before.departmentGroup(), before.decisionDays(), before.active(), after.version()))) {
            changes.record(who, ReferenceKinds.PERMIT_TYPE, String.valueOf(id), ReferenceKinds.UPDATE, before, after,
                    null);
        }
        return after;
    }

    private interface Write {
        int run();
    }

    /** Two admins giving two rows the same name at the same moment: the unique key settles it. */
    private static int insertOrUpdate(Write write) {
        try {
            return write.run();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            throw new FieldProblemException(message.contains("name_en") ? "nameEn" : "nameDa",
                    "admin.permits.error.nameTaken");
        }
    }

    private void uniqueNames(String table, String nameDa, String nameEn, Long id) {
        if (taken(table, "name_da_key", nameDa, id)) {
            throw new FieldProblemException("nameDa", "admin.permits.error.nameTaken");
        }
        if (taken(table, "name_en_key", nameEn, id)) {
            throw new FieldProblemException("nameEn", "admin.permits.error.nameTaken");
        }
    }

    private boolean taken(String table, String column, String name, Long id) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = LOWER(?)"
                + " AND id <> ?", Long.class, name, id == null ? -1L : id);
        return count != null && count > 0;
    }

    /** An active department's group; the type's own (possibly retired) department may stay. */
    private String department(String typed, String current) {
        String group = typed == null ? "" : typed.strip();
        if (group.isEmpty()) {
            throw new FieldProblemException("departmentGroup", "admin.permits.error.department");
        }
        if (departments.stored(group).filter(Departments.Department::active).isEmpty() && !group.equals(current)) {
            throw new FieldProblemException("departmentGroup", "admin.permits.error.department");
        }
        return group;
    }

    private static int days(Integer days) {
        if (days == null || days < 1 || days > DAYS_MAX) {
            throw new FieldProblemException("decisionDays", "admin.permits.error.days");
        }
        return days;
    }

    private static String name(String value, String field) {
        String text = value == null ? "" : value.strip();
        if (VisibleText.isBlank(text) || text.length() > NAME_MAX) {
            throw new FieldProblemException(field, "admin.permits.error.name");
        }
        return text;
    }

    /** A code from the name (lower case ASCII and hyphens), with a number added when it is taken. */
    private String freeCode(String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe")
                .replace("å", "aa"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "tilladelse";
        }
        base = base.length() > 50 ? base.substring(0, 50) : base;
        String code = base;
        for (int n = 2; types.stored(code).isPresent(); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
