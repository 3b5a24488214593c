package dk.initiativ.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dk.initiativ.dashboard.DashboardTable.Amount;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Empty;
import dk.initiativ.dashboard.DashboardTable.Rate;
import dk.initiativ.dashboard.DashboardTable.Score;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.dashboard.DashboardTable.WorkingDays;
import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sections 40-70 on a fixture of known cases (written straight into our tables, rolled back after each test),
 * against figures computed by hand. The fixture's cases have a topic of their own (inactive, so no form offers it)
 * and the scopes filter on it, so that the other tests' cases in the shared database do not count. The population
 * is the demo's (demo/population.yaml, 2025): per age band under 18: 15,250; 18-29: 8,930; 30-49: 16,480; 50-66:
 * 16,880; 67+: 15,260; in all 72,800; Holbæk By 38,200, Svinninge 5,500, Tølløse 8,900, Mørkøv 5,800.
 */
@LocalModeTest
@Transactional
class DashboardSectionsFixtureTest {

    static final String TOPIC = "dash2-fixture";
    static final String TEAM = "dash2-team";
    static final Locale DA = Locale.forLanguageTag("da");
    static final String CITIZEN_NAME = "Birthe Fixturesen";
    static final String CITIZEN_EMAIL = "birthe.fixturesen@example.org";
    static final String CITIZEN_PHONE = "+45 71 23 45 67";
    static final String CITIZEN_ADDRESS = "Fixturvej 17, 4300 Holbæk";

    /** April 2025: Easter (Maundy Thursday 17, Good Friday 18, Easter Monday 21 April). */
    static final DashboardScope APRIL = new DashboardScope(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30),
            Set.of(), Optional.of(TOPIC), Optional.empty());
    static final DashboardScope MAY = new DashboardScope(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31),
            Set.of(), Optional.of(TOPIC), Optional.empty());

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    WorkloadSection workload;

    @Autowired
    CaseTimelineProjection projection;

    @Autowired
    FundingSection funding;

    @Autowired
    OutcomesSection outcomes;

    @Autowired
    EngagementSection engagement;

    @Autowired
    List<DashboardSection> sections;

    @Autowired
    PopulationDemoData populationDemoData;

    int number;

    @BeforeEach
    void fixture() {
        jdbc.update("INSERT INTO topic (code, name_da, name_en, active) VALUES (?, 'Dash2-emne', 'Dash2 topic', FALSE)", TOPIC);

        // April: 40 cases submitted on 2 April and closed on 25 April
        List<String> ages = new ArrayList<>();
        ages.addAll(Collections.nCopies(4, "UNDER_18"));
        ages.addAll(Collections.nCopies(3, "FROM_18_TO_29"));
        ages.addAll(Collections.nCopies(14, "FROM_30_TO_49"));
        ages.addAll(Collections.nCopies(5, "FROM_50_TO_66"));
        ages.addAll(Collections.nCopies(8, "FROM_67"));
        ages.addAll(Collections.nCopies(6, null)); // rows 34-39
        List<String> homes = new ArrayList<>();
        homes.addAll(Collections.nCopies(7, "holbaek-by"));
        homes.addAll(Collections.nCopies(4, "tuse-naes"));
        homes.addAll(Collections.nCopies(5, "jyderup"));
        homes.addAll(Collections.nCopies(6, "svinninge"));
        homes.addAll(Collections.nCopies(6, "toelloese"));
        homes.addAll(Collections.nCopies(3, "moerkoev"));
        homes.addAll(Collections.nCopies(6, null)); // rows 31-36: rows 34-36 answered neither question
        homes.addAll(Collections.nCopies(3, "moerkoev"));
        List<String> ends = new ArrayList<>();
        ends.addAll(Collections.nCopies(20, "REALISED"));
        ends.addAll(Collections.nCopies(6, "PARTLY_REALISED"));
        ends.addAll(Collections.nCopies(5, "WITHDRAWN"));
        ends.addAll(Collections.nCopies(4, "NOT_REALISED"));
        ends.addAll(Collections.nCopies(5, "INACTIVE"));
        List<Long> april = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            april.add(insertCase(i < 30 ? "holbaek-by" : "jyderup", ages.get(i), homes.get(i), "2025-04-02 08:00:00",
                    "CLOSED", ends.get(i), "2025-04-25 12:00:00", null, null));
        }
        // six survey answers in April (ratings 5, 4, 4, 3, 5, 2: average 23 / 6), two with a comment
        int[] ratings = {5, 4, 4, 3, 5, 2};
        for (int i = 0; i < ratings.length; i++) {
            jdbc.update("INSERT INTO case_survey (initiative_id, rating, comment, answered_at) VALUES (?, ?, ?, ?)",
                    april.get(i), ratings[i], i == 0 ? "Rigtig god hjælp 👍" : i == 1 ? "Svært at finde ansøgningen" : null,
                    LocalDateTime.parse("2025-04-28T09:00:00"));
        }

        // May: 41 cases, every age band at least 5 (under 18: 5, 18-29: 6, 30-49: 10, 50-66: 8, 67+: 7, none: 5)
        List<String> mayAges = new ArrayList<>();
        mayAges.addAll(Collections.nCopies(5, "UNDER_18"));
        mayAges.addAll(Collections.nCopies(6, "FROM_18_TO_29"));
        mayAges.addAll(Collections.nCopies(10, "FROM_30_TO_49"));
        mayAges.addAll(Collections.nCopies(8, "FROM_50_TO_66"));
        mayAges.addAll(Collections.nCopies(7, "FROM_67"));
        mayAges.addAll(Collections.nCopies(5, null));
        List<Long> may = new ArrayList<>();
        for (String age : mayAges) {
            may.add(insertCase("holbaek-by", age, null, "2025-05-06 08:00:00", "CLOSED", "REALISED",
                    "2025-05-27 12:00:00", null, null));
        }
        for (int i = 0; i < 4; i++) {
            jdbc.update("INSERT INTO case_survey (initiative_id, rating, answered_at) VALUES (?, 5, ?)", may.get(i),
                    LocalDateTime.parse("2025-05-28T09:00:00"));
        }

        // funding: a pool of 100,000 with 60,000 left; three decisions in April, two applications waiting
        jdbc.update("INSERT INTO funding_pool (code, name, criteria, total_budget, budget_left) "
                + "VALUES ('dash2-pool', 'Dash2 testpulje', 'Til testen.', 100000.00, 60000.00)");
        long pool = jdbc.queryForObject("SELECT id FROM funding_pool WHERE code = 'dash2-pool'", Long.class);
        // Friday 11 April -> Monday 14 April: 1 working day (over a weekend)
        application(april.get(0), pool, "GRANTED", "2025-04-11 08:00:00", "2025-04-14 12:00:00");
        // Tuesday 15 April -> Thursday 24 April: 16, 22, 23, 24 = 4 working days (over Easter)
        application(april.get(1), pool, "GRANTED", "2025-04-15 08:00:00", "2025-04-24 12:00:00");
        // Monday 7 April -> Monday 28 April: 8-11, 14-16, 22-25, 28 = 12 working days
        application(april.get(2), pool, "REJECTED", "2025-04-07 08:00:00", "2025-04-28 12:00:00");
        application(april.get(3), pool, "PROPOSED", "2025-04-22 08:00:00", null);
        application(april.get(4), pool, "PROPOSED", "2025-04-23 08:00:00", null);

        // workload: one team, two contact persons; Et carries 3 open cases (one only proposed), To carries 5 with
        // room for 4
        jdbc.update("INSERT INTO team (code, name) VALUES (?, 'Dash2-team')", TEAM);
        long team = jdbc.queryForObject("SELECT id FROM team WHERE code = ?", Long.class, TEAM);
        jdbc.update("INSERT INTO team_manager (team_id, position, user_id) VALUES (?, 0, 'dash2-leder')", team);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen")));
        jdbc.update("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity) "
                + "VALUES ('dash2-kp1', 'Dash Kontakt Et', 'kp1@example.org', ?, 10)", team);
        jdbc.update("INSERT INTO staff_profile (user_id, display_name, email, team_id, capacity) "
                + "VALUES ('dash2-kp2', 'Dash Kontakt To', 'kp2@example.org', ?, 4)", team);
        // absence periods (V39): Et had one that ended three days ago and has one coming in ten days; To is away from
        // yesterday to 5 days from now and again from 20 days from now, return not known
        String period = "INSERT INTO staff_absence (staff_profile_id, first_day, last_day) "
                + "SELECT id, ?, ? FROM staff_profile WHERE user_id = ?";
        jdbc.update(period, today.minusDays(9), today.minusDays(3), "dash2-kp1");
        jdbc.update(period, today.plusDays(10), today.plusDays(12), "dash2-kp1");
        jdbc.update(period, today.minusDays(1), today.plusDays(5), "dash2-kp2");
        jdbc.update(period, today.plusDays(20), null, "dash2-kp2");
        for (String stage : List.of("AGREED", "AGREED", "ACCEPTED")) {
            insertCase("holbaek-by", null, null, "2025-06-10 08:00:00", stage, null, null, TEAM, "dash2-kp1");
        }
        for (int i = 0; i < 5; i++) {
            insertCase("holbaek-by", null, null, "2025-06-10 08:00:00", "MATCHED", null, null, TEAM, "dash2-kp2");
        }
        insertCase("holbaek-by", null, null, "2025-06-10 08:00:00", "CLOSED", "REALISED", "2025-06-20 08:00:00", TEAM,
                "dash2-kp2");
    }

    private long insertCase(String district, String ageBand, String home, String submitted, String stage,
            String outcome, String closed, String team, String contactPerson) {
        String caseNumber = "DASH2-%05d".formatted(++number);
        jdbc.update("INSERT INTO initiative (case_number, title, description, topic, district, contact_name, "
                + "contact_email, contact_phone, contact_address, language, stage, outcome, submitted_at, closed_at, "
                + "team_code, contact_person, profile_age_band, profile_district) "
                + "VALUES (?, 'Bænk ved søen', 'En bænk.', ?, ?, ?, ?, ?, ?, 'da', ?, ?, ?, ?, ?, ?, ?, ?)",
                caseNumber, TOPIC, district, CITIZEN_NAME, CITIZEN_EMAIL, CITIZEN_PHONE, CITIZEN_ADDRESS, stage, outcome,
                LocalDateTime.parse(submitted.replace(' ', 'T')),
                closed == null ? null : LocalDateTime.parse(closed.replace(' ', 'T')), team, contactPerson, ageBand, home);
        long id = jdbc.queryForObject("SELECT id FROM initiative WHERE case_number = ?", Long.class, caseNumber);
        if (contactPerson != null) {
            // a row written here has no event: projected as an event would (section 40 reads the workload counts)
            projection.rebuild(id);
        }
        return id;
    }

    private void application(long initiative, long pool, String status, String proposed, String decided) {
        boolean granted = "GRANTED".equals(status);
        jdbc.update("INSERT INTO funding_application (initiative_id, pool_id, amount_requested, purpose, status, "
                + "amount_granted, decision_reason, proposed_by, proposed_at, decided_by, decided_at) "
                + "VALUES (?, ?, 30000, 'Materialer', ?, ?, ?, 'dash2-kp1', ?, ?, ?)", initiative, pool, status,
                granted ? 20000 : null, "REJECTED".equals(status) ? "Uden for puljens formål" : null,
                LocalDateTime.parse(proposed.replace(' ', 'T')), decided == null ? null : "fund-officer",
                decided == null ? null : LocalDateTime.parse(decided.replace(' ', 'T')));
    }

    @Test
    void whoEngagesByAgeBandWithRatesSharesAndSuppressionAtFourNotFive() {
        DashboardTable ages = table(engagement.tables(APRIL, DA), "engagement-age-bands");
        // 40 submitters, 6 without an age: shares of the 34 who answered
        assertThat(row(ages, "Under 18 år")).containsExactly(new Text("Under 18 år"), new Suppressed(), new Suppressed(),
                new Suppressed(), new Share(15_250 / 72_800.0));
        assertThat(row(ages, "18-29 år").subList(1, 4)).containsOnly(new Suppressed());
        assertFigures(row(ages, "30-49 år"), 14, 14 / 16_480.0 * 10_000, 14 / 34.0, 16_480 / 72_800.0);
        assertFigures(row(ages, "50-66 år"), 5, 5 / 16_880.0 * 10_000, 5 / 34.0, 16_880 / 72_800.0);
        assertFigures(row(ages, "67 år eller ældre"), 8, 8 / 15_260.0 * 10_000, 8 / 34.0, 15_260 / 72_800.0);
        assertThat(row(ages, "Ikke besvaret").get(1)).isEqualTo(new Count(6));
        assertThat(row(ages, "I alt").get(1)).isEqualTo(new Count(40));
        assertThat(((Rate) row(ages, "I alt").get(2)).value()).isCloseTo(40 / 72_800.0 * 10_000, within(1e-9));
        assertThat(((Rate) row(ages, "30-49 år").get(2)).value()).isCloseTo(8.495, within(0.001));

        DashboardTable summary = table(engagement.tables(APRIL, DA), "engagement-summary");
        // two age groups under 5: no score; 6 of 40 without an age, 6 without a district, 3 neither (suppressed)
        assertThat(row(summary, "Repræsentativitet, alder").get(1)).isEqualTo(new Empty());
        assertThat(row(summary, "Andel uden svar om alder").get(1)).isEqualTo(new Share(6 / 40.0));
        assertThat(row(summary, "Andel uden svar om bydel").get(1)).isEqualTo(new Share(6 / 40.0));
        assertThat(row(summary, "Andel uden svar på nogen af de frivillige spørgsmål").get(1)).isEqualTo(new Suppressed());
        assertThat(((Text) row(summary, "Befolkningstal").get(1)).value()).contains("Danmarks Statistik").endsWith("(2025)");
    }

    @Test
    void whoEngagesByDistrictHidesASecondCountWhenOnlyOneIsUnderFive() {
        DashboardTable districts = table(engagement.tables(APRIL, DA), "engagement-districts");
        // Tuse Næs 4 is under 5; alone it could be worked out from the total, so Jyderup (5, the smallest other) goes too
        assertThat(row(districts, "Tuse Næs").subList(1, 4)).containsOnly(new Suppressed());
        assertThat(row(districts, "Jyderup").subList(1, 4)).containsOnly(new Suppressed());
        assertFigures(row(districts, "Holbæk By"), 7, 7 / 38_200.0 * 10_000, 7 / 34.0, 38_200 / 72_800.0);
        assertFigures(row(districts, "Svinninge"), 6, 6 / 5_500.0 * 10_000, 6 / 34.0, 5_500 / 72_800.0);
        assertFigures(row(districts, "Tølløse"), 6, 6 / 8_900.0 * 10_000, 6 / 34.0, 8_900 / 72_800.0);
        assertFigures(row(districts, "Mørkøv"), 6, 6 / 5_800.0 * 10_000, 6 / 34.0, 5_800 / 72_800.0);
        assertThat(row(districts, "Ikke besvaret").get(1)).isEqualTo(new Count(6));
        assertThat(row(summary(APRIL), "Repræsentativitet, bydel").get(1)).isEqualTo(new Empty());
    }

    @Test
    void theRepresentativenessScoreIsTheLowestGroupRateOverTheHighest() {
        // May: under 18 5 / 15,250 is the lowest rate, 18-29 6 / 8,930 the highest: 5 * 8,930 / (15,250 * 6) = 0.488
        Cell score = row(summary(MAY), "Repræsentativitet, alder").get(1);
        assertThat(((Score) score).value()).isCloseTo(5 * 8_930 / (15_250 * 6.0), within(1e-12)).isCloseTo(0.488, within(0.001));
        DashboardTable ages = table(engagement.tables(MAY, DA), "engagement-age-bands");
        // 5 did not answer: shown, so the shares are of the 36 who did
        assertFigures(row(ages, "Under 18 år"), 5, 5 / 15_250.0 * 10_000, 5 / 36.0, 15_250 / 72_800.0);
        // nobody answered where they live: every district under 5, no score
        assertThat(row(summary(MAY), "Repræsentativitet, bydel").get(1)).isEqualTo(new Empty());
        assertThat(row(summary(MAY), "Andel uden svar om bydel").get(1)).isEqualTo(new Share(1.0));
    }

    @Test
    void outcomesByOutcomeTopicAndDistrictWithTheSurvey() {
        List<DashboardTable> tables = outcomes.tables(APRIL, DA);
        DashboardTable byOutcome = table(tables, "outcomes-by-outcome");
        assertThat(row(byOutcome, "Realiseret").subList(1, 3)).containsExactly(new Count(20), new Share(0.5));
        assertThat(row(byOutcome, "Delvist realiseret").subList(1, 3)).containsExactly(new Count(6), new Share(0.15));
        assertThat(row(byOutcome, "Trukket tilbage").subList(1, 3)).containsExactly(new Count(5), new Share(0.125));
        assertThat(row(byOutcome, "Ikke realiseret").subList(1, 3)).containsOnly(new Suppressed());
        assertThat(row(byOutcome, "Lukket uden svar").subList(1, 3)).containsExactly(new Count(5), new Share(0.125));
        assertThat(row(byOutcome, "Henvist til en anden kanal").get(1)).isEqualTo(new Suppressed());
        assertThat(row(byOutcome, "I alt").subList(1, 3)).containsExactly(new Count(40), new Share(1.0));
        assertThat(row(table(tables, "outcomes-by-topic"), "Dash2-emne").get(1)).isEqualTo(new Count(40));
        DashboardTable byDistrict = table(tables, "outcomes-by-district");
        assertThat(row(byDistrict, "Holbæk By").subList(1, 3)).containsExactly(new Count(30), new Share(0.75));
        assertThat(row(byDistrict, "Jyderup").subList(1, 3)).containsExactly(new Count(10), new Share(0.25));
        assertThat(row(byDistrict, "Tuse Næs").get(1)).isEqualTo(new Suppressed());

        DashboardTable survey = table(tables, "outcomes-survey");
        assertThat(row(survey, "Antal svar").get(1)).isEqualTo(new Count(6));
        assertThat(((Score) row(survey, "Gennemsnitlig bedømmelse (1-5)").get(1)).value()).isCloseTo(23 / 6.0, within(1e-4));
        DashboardTable comments = table(tables, "outcomes-comments");
        assertThat(comments.rows()).hasSize(2);
        assertThat(comments.rows()).extracting(r -> r.get(2))
                .containsExactlyInAnyOrder(new Text("Rigtig god hjælp 👍"), new Text("Svært at finde ansøgningen"));
        assertThat(comments.rows().get(0).get(0)).isInstanceOf(DashboardTable.CaseLink.class);

        // four answers in May: neither the count nor the average
        DashboardTable maySurvey = table(outcomes.tables(MAY, DA), "outcomes-survey");
        assertThat(maySurvey.rows()).extracting(r -> r.get(1)).containsOnly(new Suppressed());
    }

    @Test
    void fundingPerPoolWithTheMedianDecisionTimeInWorkingDays() {
        DashboardTable table = table(funding.tables(APRIL, DA), "funding");
        // decisions after 1 (weekend), 4 (Easter) and 12 working days: median 4
        assertThat(row(table, "Dash2 testpulje")).containsExactly(new Text("Dash2 testpulje"),
                new Amount(new java.math.BigDecimal("100000.00")), new Amount(new java.math.BigDecimal("40000.00")),
                new Amount(new java.math.BigDecimal("60000.00")), new Count(2), new Count(3), new WorkingDays(4.0));
        DashboardTable may = table(funding.tables(MAY, DA), "funding");
        assertThat(row(may, "Dash2 testpulje").subList(4, 7)).containsExactly(new Count(2), new Count(0), new Empty());
    }

    @Test
    void workloadPerContactPersonAgainstCapacity() {
        DashboardScope team = new DashboardScope(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), Set.of(TEAM),
                Optional.empty(), Optional.empty());
        DashboardTable table = table(workload.tables(team, DA), "workload");
        assertThat(table.rows()).hasSize(2);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Copenhagen")));
        java.time.format.DateTimeFormatter dates = java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(DA);
        List<Cell> et = row(table, "Dash Kontakt Et");
        assertThat(et.subList(0, 5)).containsExactly(new Text("Dash Kontakt Et"), new Text("Dash2-team"),
                new Count(3), new Count(10), new Share(0.3));
        // the past period is not shown, the coming one is, not as "now"
        assertThat(et.get(5)).isEqualTo(new Text(today.plusDays(10).format(dates) + " – "
                + today.plusDays(12).format(dates)));
        assertThat(et.get(6)).isEqualTo(new Count(1));
        List<Cell> to = row(table, "Dash Kontakt To");
        assertThat(to.subList(2, 5)).containsExactly(new Count(5), new Count(4), new Share(1.25));
        // the current period, then the next one
        assertThat(((Text) to.get(5)).value()).isEqualTo(today.minusDays(1).format(dates) + " – "
                + today.plusDays(5).format(dates) + " (væk nu); derefter fra " + today.plusDays(20).format(dates));
        assertThat(to.get(6)).isEqualTo(new Count(0));
    }

    @Test
    void noCitizenNameEmailPhoneOrAddressInAnyTable() {
        DashboardScope everything = new DashboardScope(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), Set.of(),
                Optional.of(TOPIC), Optional.empty());
        DashboardScope all = new DashboardScope(LocalDate.of(2000, 1, 1), LocalDate.of(2030, 12, 31), Set.of(),
                Optional.empty(), Optional.empty());
        List<String> cells = new ArrayList<>();
        for (DashboardSection section : List.of(workload, funding, outcomes, engagement)) {
            for (DashboardScope scope : List.of(APRIL, MAY, everything, all)) {
                for (Locale locale : List.of(DA, Locale.ENGLISH)) {
                    for (DashboardTable table : section.tables(scope, locale)) {
                        table.rows().forEach(r -> r.forEach(c -> cells.add(c.toString())));
                    }
                }
            }
        }
        assertThat(cells).isNotEmpty();
        assertThat(String.join("\n", cells)).doesNotContain(CITIZEN_NAME, "Fixturesen", CITIZEN_EMAIL, "@example.org",
                CITIZEN_PHONE, "71 23 45 67", CITIZEN_ADDRESS, "Fixturvej");
    }

    @Test
    void theSectionsAreBeansInTheirPlaces() {
        assertThat(sections).extracting(DashboardSection::order).contains(40, 50, 60, 70);
        for (DashboardSection section : List.of(workload, funding, outcomes, engagement)) {
            assertThat(section.tables(APRIL, Locale.ENGLISH)).allSatisfy(table -> {
                assertThat(table.titleKey()).startsWith("dashboard.");
                assertThat(table.rows()).allSatisfy(r -> assertThat(r).hasSameSizeAs(table.columns()));
            });
        }
    }

    @Test
    void theDemoPopulationIsSeededOnceWithItsSource() {
        populationDemoData.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population WHERE year = 2025", Integer.class)).isEqualTo(30);
        assertThat(jdbc.queryForObject("SELECT SUM(inhabitants) FROM population WHERE year = 2025", Integer.class))
                .isEqualTo(72_800);
        assertThat(jdbc.queryForList("SELECT DISTINCT source FROM population", String.class)).singleElement()
                .asString().contains("Danmarks Statistik, FOLK1A");
    }

    private DashboardTable summary(DashboardScope scope) {
        return table(engagement.tables(scope, DA), "engagement-summary");
    }

    private static void assertFigures(List<Cell> row, long count, double rate, double share, double populationShare) {
        assertThat(row.get(1)).isEqualTo(new Count(count));
        assertThat(((Rate) row.get(2)).value()).isCloseTo(rate, within(1e-9));
        assertThat(((Share) row.get(3)).value()).isCloseTo(share, within(1e-12));
        assertThat(((Share) row.get(4)).value()).isCloseTo(populationShare, within(1e-12));
    }

    private static DashboardTable table(List<DashboardTable> tables, String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + id));
    }

    private static List<Cell> row(DashboardTable table, String label) {
        return table.rows().stream().filter(r -> r.get(0) instanceof Text text && text.value().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in " + table.id() + ": " + table.rows()));
    }
}
