package dk.initiativ.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import dk.initiativ.catalog.CatalogService;
import dk.initiativ.dashboard.DashboardTable.CaseLink;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.web.ForbiddenException;
import dk.initiativ.web.HtmlPage;
import dk.initiativ.web.IsoDates;
import dk.initiativ.web.NotAccessLogged;
import dk.initiativ.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The manager dashboard, {@code GET /overblik}: every {@link DashboardSection} in order, each table with its
 * definition, its chart and a CSV download ({@code /overblik/{tableId}.csv} with the same filters). The filters are a
 * GET form, so the whole state is in the URL: {@code fra}, {@code til} (ISO dates; default: the last 12 ISO weeks up
 * to today), {@code team} (a team's code, {@code alle} for all teams; default: a manager's own teams, an admin all),
 * {@code emne} and {@code bydel}. Managers and admins only (the security rules; checked here again).
 */
@Controller
@NotAccessLogged("aggregates and case numbers only; survey comments are shown without any name or contact data (issue 11)")
@HtmlPage
class DashboardController {

    static final String PATH = "/overblik";
    static final String ALL_TEAMS = "alle";
    static final int DEFAULT_WEEKS = 12;
    static final int MAX_DAYS = 3 * 366;

    private final DashboardSections sections;
    private final DashboardTeams teams;
    private final CatalogService catalog;
    private final MessageSource messages;
    private final WorkingTime workingTime;
    private final Clock clock;

    DashboardController(DashboardSections sections, DashboardTeams teams, CatalogService catalog,
            MessageSource messages, WorkingTime workingTime, Clock clock) {
        this.sections = sections;
        this.teams = teams;
        this.catalog = catalog;
        this.messages = messages;
        this.workingTime = workingTime;
        this.clock = clock;
    }

    /** The filters as asked, checked, and the scope they give after the access rules. */
    record Filters(String from, String to, String team, String topic, String district, DashboardScope scope,
            String periodError, boolean ownTeams) {

        /** The query string of the filters as the page shows them (default values left out). */
        String query() {
            StringJoiner params = new StringJoiner("&");
            add(params, "fra", scope.from().toString());
            add(params, "til", scope.to().toString());
            add(params, "team", team);
            add(params, "emne", topic);
            add(params, "bydel", district);
            return params.toString();
        }

        private static void add(StringJoiner params, String name, String value) {
            if (value != null && !value.isEmpty()) {
                params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    @GetMapping(PATH)
    String page(@RequestParam(name = "fra", required = false) String from,
            @RequestParam(name = "til", required = false) String to,
            @RequestParam(name = "team", required = false) String team,
            @RequestParam(name = "emne", required = false) String topic,
            @RequestParam(name = "bydel", required = false) String district,
            Authentication authentication, Locale locale, Model model) {
        Filters filters = filters(from, to, team, topic, district, authentication);
        DashboardFormat format = new DashboardFormat(locale);
        List<TableView> tables = new ArrayList<>();
        for (DashboardTable table : sections.tables(filters.scope(), locale)) {
            tables.add(view(table, filters, format, locale));
        }
        model.addAttribute("filters", filters);
        model.addAttribute("tables", tables);
        model.addAttribute("teams", teams.all());
        model.addAttribute("topics", catalog.activeTopics(locale));
        model.addAttribute("districts", catalog.activeDistricts(locale));
        model.addAttribute("allTeams", ALL_TEAMS);
        model.addAttribute("filtered", from != null || to != null || team != null || topic != null || district != null);
        return "dashboard/page";
    }

    @GetMapping(PATH + "/{tableId}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String tableId,
            @RequestParam(name = "fra", required = false) String from,
            @RequestParam(name = "til", required = false) String to,
            @RequestParam(name = "team", required = false) String team,
            @RequestParam(name = "emne", required = false) String topic,
            @RequestParam(name = "bydel", required = false) String district,
            Authentication authentication, Locale locale) {
        Filters filters = filters(from, to, team, topic, district, authentication);
        for (DashboardSection section : sections.sections()) {
            for (DashboardTable table : section.tables(filters.scope(), locale)) {
                if (table.id().equals(tableId)) {
                    byte[] body = DashboardCsv.write(table, label -> messages.getMessage(label, null, locale), locale);
                    String name = "overblik-" + table.id() + "-" + filters.scope().from() + "-" + filters.scope().to()
                            + ".csv";
                    return ResponseEntity.ok()
                            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                            .header(HttpHeaders.CONTENT_DISPOSITION,
                                    ContentDisposition.attachment().filename(name).build().toString())
                            .header("X-Content-Type-Options", "nosniff")
                            .body(body);
                }
            }
        }
        throw new NotFoundException("no dashboard table " + tableId);
    }

    /** A table as the page shows it: its cells formatted, its chart drawn, its CSV link with the filters. */
    record TableView(DashboardTable table, List<String> columnLabels, List<List<CellView>> rows, String chartSvg,
            String csvUrl) {
    }

    /** A cell as the page shows it: its text, the case it links to (or null), and whether it is a figure. */
    record CellView(String text, String caseNumber, boolean numeric) {
    }

    private TableView view(DashboardTable table, Filters filters, DashboardFormat format, Locale locale) {
        List<String> labels = table.columns().stream().map(c -> messages.getMessage(c.labelKey(), null, locale)).toList();
        List<List<CellView>> rows = new ArrayList<>();
        for (List<Cell> row : table.rows()) {
            rows.add(row.stream().map(cell -> new CellView(format.text(cell),
                    cell instanceof CaseLink link ? link.caseNumber() : null, DashboardFormat.numeric(cell))).toList());
        }
        String title = messages.getMessage(table.titleKey(), null, locale);
        String svg = table.chart().map(chart -> DashboardCharts.svg(table, title,
                chart.valueColumns().stream().map(labels::get).toList(),
                messages.getMessage("dashboard.chart.alternative", new Object[] {title}, locale), locale)).orElse(null);
        return new TableView(table, labels, rows, svg, PATH + "/" + table.id() + ".csv?" + filters.query());
    }

    Filters filters(String from, String to, String team, String topic, String district, Authentication authentication) {
        Set<String> roles = roles(authentication);
        boolean admin = roles.contains("admin");
        if (!admin && !roles.contains("manager")) {
            throw new ForbiddenException(authentication.getName() + " is neither manager nor admin");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), workingTime.zone());
        LocalDate defaultTo = today;
        LocalDate defaultFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(DEFAULT_WEEKS - 1);
        Optional<LocalDate> fromDay = day(from);
        Optional<LocalDate> toDay = day(to);
        String periodError = null;
        LocalDate start = fromDay.orElse(defaultFrom);
        LocalDate end = toDay.orElse(defaultTo);
        if ((from != null && !from.isBlank() && fromDay.isEmpty()) || (to != null && !to.isBlank() && toDay.isEmpty())) {
            periodError = "dashboard.filter.error.date";
        } else if (end.isBefore(start)) {
            periodError = "dashboard.filter.error.order";
        } else if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            periodError = "dashboard.filter.error.length";
        }
        if (periodError != null) {
            start = defaultFrom;
            end = defaultTo;
        }
        List<String> known = teams.all().stream().map(DashboardTeams.Team::code).toList();
        String chosenTeam = team == null || team.isBlank() ? null : team.strip();
        Set<String> teamCodes;
        boolean own = false;
        if (ALL_TEAMS.equals(chosenTeam)) {
            teamCodes = Set.of();
        } else if (chosenTeam != null && known.contains(chosenTeam)) {
            teamCodes = Set.of(chosenTeam);
        } else {
            chosenTeam = null;
            List<String> led = admin ? List.of() : teams.ledBy(authentication.getName());
            teamCodes = Set.copyOf(led);
            own = !led.isEmpty();
        }
        String chosenTopic = topic != null && catalog.topicExists(topic) ? topic : null;
        String chosenDistrict = district != null && catalog.districtExists(district) ? district : null;
        DashboardScope scope = new DashboardScope(start, end, teamCodes, Optional.ofNullable(chosenTopic),
                Optional.ofNullable(chosenDistrict));
        return new Filters(from, to, chosenTeam, chosenTopic, chosenDistrict, scope, periodError, own);
    }

    private static Optional<LocalDate> day(String text) {
        return text != null && text.length() > 10 ? Optional.empty() : IsoDates.read(text);
    }

    private static Set<String> roles(Authentication authentication) {
        return Set.copyOf(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).toList());
    }
}
