package dk.initiativ.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dk.initiativ.support.ApiClient;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Population figures uploaded by an admin as CSV (issue 13, ADR 0040) through the admin API on the embedded MariaDB:
 * a good file adds its year and keeps the older ones, and the dashboard reads the newest year; a file with one bad
 * line is refused naming the line, and nothing is stored; a year held already is replaced only when confirmed.
 * The years used lie far ahead and are removed afterwards, so the other tests' dashboard keeps the demo's year.
 */
@LocalModeTest
class PopulationAdminTest {

    private static final String GOOD = """
            district,age_band,inhabitants
            holbaek-by,UNDER_18,5310
            holbaek-by,FROM_18_TO_29,4120
            holbaek-by,FROM_30_TO_49,7004
            holbaek-by,50-66,6020
            holbaek-by,67+,5400
            jyderup,UNDER_18,800
            """;

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;
    @Autowired EngagementSection engagement;

    @AfterEach
    void removeTheFutureYears() {
        jdbc.update("DELETE FROM population WHERE year >= 2150");
    }

    @Test
    void aGoodFileAddsItsYearKeepsTheOlderOnesAndTheDashboardReadsIt() {
        List<Map<String, Object>> before = years();
        assertThat(before).isNotEmpty();

        ResponseEntity<Map> stored = upload(GOOD, "befolkning.csv", 2151, "Danmarks Statistik, FOLK1A", false, "da");
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(stored.getBody()).containsEntry("year", 2151).containsEntry("figures", 6);

        List<Map<String, Object>> after = years();
        assertThat(after.get(0)).containsEntry("year", 2151).containsEntry("source", "Danmarks Statistik, FOLK1A");
        assertThat(after.subList(1, after.size())).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT inhabitants FROM population WHERE year = 2151 AND district_code ="
                + " 'holbaek-by' AND age_band = 'FROM_50_TO_66'", Integer.class)).isEqualTo(6020);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = 'population'"
                + " AND entity_id = '2151' AND action = 'CREATE'", Integer.class)).isEqualTo(1);

        EngagementSection.Population population = engagement.population();
        assertThat(population.year()).isEqualTo(2151);
        assertThat(population.total()).isEqualTo(5310 + 4120 + 7004 + 6020 + 5400 + 800);
        assertThat(population.source()).isEqualTo("Danmarks Statistik, FOLK1A");
    }

    @Test
    void aFileWithOneBadLineIsRefusedNamingTheLineAndNothingIsStored() {
        String bad = GOOD.replace("holbaek-by,FROM_30_TO_49,7004", "holbaek-by,30-40,7004");
        int changes = jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Integer.class);

        ResponseEntity<Map> refused = upload(bad, "befolkning.csv", 2152, "Danmarks Statistik", false, "da");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) refused.getBody().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).containsEntry("field", "file").containsEntry("line", 4)
                .containsEntry("column", "age_band");
        assertThat((String) errors.get(0).get("message"))
                .isEqualTo("Linje 4, kolonne age_band: aldersgruppen \"30-40\" findes ikke. Brug fx UNDER_18 eller 0-17.");
        ResponseEntity<Map> english = upload(bad, "befolkning.csv", 2152, "Statistics Denmark", false, "en");
        assertThat((String) ((List<Map<String, Object>>) english.getBody().get("errors")).get(0).get("message"))
                .startsWith("Line 4, column age_band: the age band \"30-40\" does not exist.");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2152", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change", Integer.class)).isEqualTo(changes);
    }

    @Test
    void aYearHeldAlreadyIsReplacedOnlyWhenConfirmedAndOtherYearsStay() {
        assertThat(upload(GOOD, "a.csv", 2153, "Første opgørelse", false, "da").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(upload(GOOD, "b.csv", 2154, "Andet år", false, "da").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String corrected = "district;age_band;inhabitants\nholbaek-by;UNDER_18;5.400\n";

        Map<String, Object> unconfirmed = ApiClient.fieldError(upload(corrected, "c.csv", 2153, "Rettet", false, "da"));
        assertThat(unconfirmed.get("field")).isEqualTo("year");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2153", Integer.class))
                .isEqualTo(6);

        assertThat(upload(corrected, "c.csv", 2153, "Rettet", true, "da").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForList("SELECT CONCAT(district_code, '/', age_band, '/', inhabitants, '/', source)"
                + " FROM population WHERE year = 2153", String.class)).containsExactly("holbaek-by/UNDER_18/5400/Rettet");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2154", Integer.class))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_change WHERE entity_kind = 'population'"
                + " AND entity_id = '2153' AND action = 'UPDATE'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aFileThatIsNoCsvOrTooLargeIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        Map<String, Object> picture = ApiClient.fieldError(upload(png, "befolkning.csv", 2155, "Kilde", false, "da"));
        assertThat(picture.get("field")).isEqualTo("file");
        assertThat((String) picture.get("message")).startsWith("Filen er ikke en CSV-fil");
        String big = "district,age_band,inhabitants\n" + "holbaek-by,UNDER_18,1\n".repeat(30_000);
        Map<String, Object> tooLarge = ApiClient.fieldError(upload(big, "big.csv", 2155, "Kilde", false, "da"));
        assertThat(tooLarge.get("field")).isEqualTo("file");
        assertThat((String) tooLarge.get("message")).startsWith("Filen er for stor");
        Map<String, Object> header = ApiClient.fieldError(upload("a,b,c\nholbaek-by,UNDER_18,1\n", "x.csv", 2155,
                "Kilde", false, "da"));
        assertThat(header.get("message")).isEqualTo("Første linje skal være overskriften district,age_band,inhabitants.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2155", Integer.class)).isZero();
        // only admins
        assertThat(http.withBasicAuth("manager", ApiClient.PASSWORD).postForEntity("/api/admin/population",
                multipart(GOOD.getBytes(StandardCharsets.UTF_8), "x.csv", 2155, "Kilde", false, "da"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private List<Map<String, Object>> years() {
        return http.withBasicAuth("admin", ApiClient.PASSWORD).getForObject("/api/admin/population", List.class);
    }

    private ResponseEntity<Map> upload(String csv, String name, int year, String source, boolean replace,
            String language) {
        return upload(csv.getBytes(StandardCharsets.UTF_8), name, year, source, replace, language);
    }

    private ResponseEntity<Map> upload(byte[] content, String name, int year, String source, boolean replace,
            String language) {
        return http.withBasicAuth("admin", ApiClient.PASSWORD).postForEntity("/api/admin/population",
                multipart(content, name, year, source, replace, language), Map.class);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(byte[] content, String name, int year,
            String source, boolean replace, String language) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        parts.add("year", String.valueOf(year));
        parts.add("source", source);
        if (replace) {
            parts.add("replace", "true");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return new HttpEntity<>(parts, headers);
    }
}
