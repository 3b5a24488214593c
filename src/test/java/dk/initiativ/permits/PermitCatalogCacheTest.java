package dk.initiativ.permits;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.casework.TaskFormOptions;
import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The departments and permit types are kept in memory (ADR 0046): what logins, access checks, the case page and the
 * task forms ask sends no statement to the two tables, and an admin's change is seen at once. The statements are
 * counted by MariaDB itself: its per-table statistics ({@code userstat}, {@code information_schema.TABLE_STATISTICS})
 * count the rows read from {@code department} and {@code permit_type}, whoever reads them.
 */
@LocalModeTest
class PermitCatalogCacheTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired Departments departments;
    @Autowired PermitTypes types;
    @Autowired TaskFormOptions options;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;

    ApiClient api;
    boolean userstatWasOn;

    @BeforeEach
    void countRowsRead() {
        api = new ApiClient(http);
        userstatWasOn = Boolean.TRUE.equals(jdbc.queryForObject("SELECT @@GLOBAL.userstat = 1", Boolean.class));
        jdbc.execute("SET GLOBAL userstat = 1");
    }

    @AfterEach
    void restoreUserstat() {
        jdbc.execute("SET GLOBAL userstat = " + (userstatWasOn ? 1 : 0));
    }

    @Test
    void askingReadsTheTablesOnceAndAgainOnlyWhenTheyChanged() {
        long rows = count("department") + count("permit_type");
        departments.changed();
        types.changed();
        long before = rowsRead();
        departments.groups();
        types.find("no-such-type");
        long afterReading = rowsRead();
        // the counter sees a read of the tables: one reading of each, whole
        assertThat(afterReading - before).as("rows read to fill the snapshots")
                .isGreaterThanOrEqualTo(rows);

        String code = types.offered(DANISH).get(0).code();
        for (int i = 0; i < 50; i++) {
            // as a login, a case access check, the case page and the support-plan task form ask
            departments.departmentsAmong(List.of("vej-park", "intake", "byg-miljoe"));
            departments.isDepartment("vej-park");
            departments.isActiveDepartment("byg-miljoe");
            departments.name("vej-park", DANISH);
            departments.name("not-a-department", Locale.ENGLISH);
            types.offered(DANISH);
            types.offered(Locale.ENGLISH);
            types.find(code);
            types.name(code, Locale.ENGLISH);
            types.label(new PermitView(1, "Fri tekst", code, "vej-park", null, PermitStatus.REQUIRED, null, null,
                    null), DANISH);
            options.options(TaskFormOptions.PERMIT_TYPES, null, DANISH);
        }
        assertThat(rowsRead()).as("rows read while asking 50 times").isEqualTo(afterReading);

        // a row written past the service (as another node's admin would) is seen once the snapshot is forgotten
        jdbc.update("INSERT INTO department (group_id, name_da, name_en) VALUES ('test-cache', 'Cacheafdeling',"
                + " 'Cache department')");
        try {
            assertThat(departments.isDepartment("test-cache")).isFalse();
            departments.changed();
            assertThat(departments.isDepartment("test-cache")).isTrue();
            assertThat(rowsRead()).isGreaterThan(afterReading);
        } finally {
            jdbc.update("DELETE FROM department WHERE group_id = 'test-cache'");
            departments.changed();
        }
        assertThat(departments.isDepartment("test-cache")).isFalse();
    }

    @Test
    void anAdminsChangeIsSeenAtOnce() {
        String group = PermitCatalogAdminTest.newIdentityGroup(identity);
        String suffix = group.substring(group.length() - 6);
        assertThat(departments.isDepartment(group)).isFalse();
        Map<?, ?> department = created(api.post("admin", "/api/admin/departments", Map.of("group", group,
                "nameDa", "Kulturafdelingen " + suffix, "nameEn", "Culture department " + suffix)));
        assertThat(departments.isActiveDepartment(group)).isTrue();
        assertThat(departments.departmentsAmong(List.of(group, "intake"))).containsExactly(group);
        assertThat(departments.name(group, DANISH)).isEqualTo("Kulturafdelingen " + suffix);

        Map<?, ?> type = created(api.post("admin", "/api/admin/permit-types", Map.of("nameDa", "Koncert " + suffix,
                "nameEn", "Concert " + suffix, "departmentGroup", group, "decisionDays", 5)));
        String code = (String) type.get("code");
        assertThat(types.offered(Locale.ENGLISH)).extracting(PermitTypes.PermitType::code).contains(code);
        assertThat(types.name(code, Locale.ENGLISH)).isEqualTo("Concert " + suffix);

        // renamed: the new name at once, in both snapshots' readers
        assertThat(put("/api/admin/departments/" + department.get("id"), Map.of("nameDa", "Kultur og Fritid "
                + suffix, "nameEn", "Culture and Leisure " + suffix, "version", department.get("version")))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(departments.name(group, Locale.ENGLISH)).isEqualTo("Culture and Leisure " + suffix);
        assertThat(put("/api/admin/permit-types/" + type.get("id"), Map.of("nameDa", "Koncert i parken " + suffix,
                "nameEn", "Concert in the park " + suffix, "departmentGroup", group, "decisionDays", 5,
                "version", type.get("version"))).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(types.name(code, DANISH)).isEqualTo("Koncert i parken " + suffix);

        // the department retired: no longer offered, nor its types; still named where permits name it
        assertThat(put("/api/admin/departments/" + department.get("id"), Map.of("nameDa", "Kultur og Fritid "
                + suffix, "nameEn", "Culture and Leisure " + suffix, "active", false, "version",
                ((Number) department.get("version")).longValue() + 1)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(departments.isActiveDepartment(group)).isFalse();
        assertThat(departments.isDepartment(group)).isTrue();
        assertThat(types.offered(DANISH)).extracting(PermitTypes.PermitType::code).doesNotContain(code);
        assertThat(types.find(code)).isPresent();
    }

    private static Map<?, ?> created(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private ResponseEntity<Map> put(String path, Map<String, Object> body) {
        return api.as("admin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body, ApiClient.json()), Map.class);
    }

    /** The rows MariaDB read from the two tables since its statistics began, by any statement of any connection. */
    private long rowsRead() {
        Long rows = jdbc.queryForObject("SELECT COALESCE(SUM(ROWS_READ), 0) FROM information_schema.TABLE_STATISTICS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('department', 'permit_type')", Long.class);
        return rows == null ? 0 : rows;
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
