package dk.initiativ.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.initiativ.support.LocalModeTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page and its CSV downloads through real HTTP: the scope a manager and an admin get by default and by
 * choice, a bad period answered with a field message, every table's CSV equal to the table on the page (UTF-8 with
 * BOM, {@code ;} in Danish and {@code ,} in English), and the gauges on the Prometheus endpoint.
 */
@LocalModeTest
class DashboardPageTest {

    private static final String PASSWORD = "initiativ-demo";

    @Autowired TestRestTemplate http;
    @Autowired DashboardController controller;
    @Autowired JdbcTemplate jdbc;
    @Autowired DashboardGauges gauges;
    @Autowired FlowSection flow;
    @Autowired DeadlinesSection deadlines;
    @Autowired MeterRegistry registry;
    @Autowired SubmissionProjector projector;

    @Test
    void aManagerSeesTheirOwnTeamsByDefaultAndMaySwitchToAllTeamsOrAnother() {
        List<String> led = jdbc.queryForList("SELECT t.code FROM team t JOIN team_manager m"
                + " ON m.team_id = t.id WHERE m.user_id = 'manager'", String.class);
        assertThat(led).isNotEmpty();
        var manager = user("manager", "manager");
        assertThat(controller.filters(null, null, null, null, null, manager).scope().teamCodes())
                .isEqualTo(Set.copyOf(led));
        assertThat(controller.filters(null, null, "alle", null, null, manager).scope().allTeams()).isTrue();
        String other = jdbc.queryForObject("SELECT MIN(code) FROM team WHERE id NOT IN"
                + " (SELECT team_id FROM team_manager WHERE user_id = 'manager')", String.class);
        assertThat(controller.filters(null, null, other, null, null, manager).scope().teamCodes()).containsExactly(other);
        // an unknown team falls back to the default; an admin sees all teams
        assertThat(controller.filters(null, null, "no-such-team", null, null, manager).scope().teamCodes())
                .isEqualTo(Set.copyOf(led));
        assertThat(controller.filters(null, null, null, null, null, user("admin", "admin")).scope().allTeams()).isTrue();
        // the default period: the last 12 ISO weeks, from a Monday to today
        DashboardScope scope = controller.filters(null, null, null, null, null, manager).scope();
        assertThat(scope.from().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(java.time.temporal.ChronoUnit.WEEKS.between(scope.from(), scope.to())).isEqualTo(11);
    }

    @Test
    void aBadPeriodGetsAFieldMessageInTheUsersLanguage() {
        String da = as("manager").getForObject("/overblik?fra=2026-12-01&til=2026-11-01", String.class);
        assertThat(da).contains("id=\"fra-error\"", "Fra-datoen skal ligge før til-datoen");
        String en = as("manager").getForObject("/overblik?fra=1.12.2026&lang=en", String.class);
        assertThat(en).contains("id=\"fra-error\"", "Write the dates as year-month-day");
    }

    @Test
    void everyTablesCsvIsExactlyTheTableOnThePage() {
        for (String lang : List.of("da", "en")) {
            String query = "fra=2026-09-07&til=2026-12-31&team=alle&lang=" + lang;
            String page = as("admin").getForObject("/overblik?" + query, String.class);
            for (String id : List.of("flow-open", "flow-weeks", "lead-times", "deadlines-met", "deadlines-due")) {
                ResponseEntity<byte[]> csv = as("admin").getForEntity("/overblik/" + id + ".csv?" + query, byte[].class);
                assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
                assertThat(csv.getHeaders().getFirst("Content-Disposition")).contains("attachment", id);
                byte[] body = csv.getBody();
                assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
                String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
                String separator = "da".equals(lang) ? ";" : ",";
                List<List<String>> lines = new ArrayList<>();
                for (String line : text.split("\r\n")) {
                    lines.add(split(line, separator.charAt(0)));
                }
                assertThat(lines).as(lang + " " + id).isEqualTo(table(page, id));
            }
        }
        assertThat(as("admin").getForEntity("/overblik/no-such-table.csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theGaugesShowOpenCasesPerStageAndBreachedDeadlines() {
        // (tests run without the Prometheus export, as Spring Boot's tests do: the gauges are read from the registry,
        // whose names the endpoint writes as initiativ_cases_open{stage="..."} and initiativ_deadlines_breached)
        gauges.refresh();
        var open = flow.openCounts(new DashboardScope(java.time.LocalDate.now(), java.time.LocalDate.now(), Set.of(),
                java.util.Optional.empty(), java.util.Optional.empty()));
        long breached = deadlines.breachedNow(java.time.Instant.now());
        for (var stage : FlowSection.OPEN_STAGES) {
            assertThat(registry.get("initiativ.cases.open").tag("stage", stage.name()).gauge().value()).as(stage.name())
                    .isEqualTo(open.get(stage).doubleValue());
        }
        assertThat(registry.get("initiativ.deadlines.breached").gauge().value()).isEqualTo((double) breached);
        assertThat(registry.get("initiativ.dashboard.submissions.left.out").gauge().value())
                .isEqualTo((double) projector.leftOut());
    }

    /** The table of that id on the page: the heading row, then each row's cells as text. */
    static List<List<String>> table(String page, String id) {
        Matcher table = Pattern.compile("<table[^>]*id=\"" + id + "-table\"[^>]*>(.*?)</table>", Pattern.DOTALL).matcher(page);
        assertThat(table.find()).as(id).isTrue();
        String html = table.group(1).replaceAll("(?s)<caption.*?</caption>", "");
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        while (row.find()) {
            if (row.group(1).contains("colspan")) {
                continue; // "none in the period": the CSV has the heading only
            }
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]+>", "")).strip()
                        .replaceAll("\\s+", " "));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, PASSWORD);
    }

    private static UsernamePasswordAuthenticationToken user(String name, String role) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }
}
