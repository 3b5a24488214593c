package dk.initiativ.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import dk.initiativ.process.DeadlineProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo funding pools from the {@code fundingPools} section of {@code demo/reference-data.yaml}, at start,
 * with their whole budget left. A deadline is given as months from now (the last day of that month), so
 * that the demo's deadlines never lie in the past. Pools that exist already are left as they are.
 */
@Component
@ConditionalOnDemoData
@Order(30)
class FundingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FundingDemoData.class);

    private final Resource file;
    private final JdbcTemplate jdbc;
    private final FundingPoolAdmin admin;
    private final Clock clock;
    private final ZoneId zone;

    FundingDemoData(@Value("${initiativ.demo.reference-data-file:classpath:demo/reference-data.yaml}") Resource file,
            JdbcTemplate jdbc, FundingPoolAdmin admin, Clock clock, DeadlineProperties deadlines) {
        this.admin = admin;
        this.zone = deadlines.zone();
        this.file = file;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Section(List<DemoPool> fundingPools) {
    }

    record DemoPool(String code, String name, String criteria, BigDecimal totalBudget, Integer deadlineMonthsFromNow,
            String fundOfficerGroup) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        YearMonth thisMonth = YearMonth.from(LocalDate.now(clock.withZone(zone)));
        int created = 0;
        Set<String> present = Set.copyOf(jdbc.queryForList("SELECT code FROM funding_pool", String.class));
        for (DemoPool pool : read().fundingPools()) {
            if (present.contains(pool.code())) {
                continue;
            }
            LocalDate deadline = pool.deadlineMonthsFromNow() == null ? null
                    : thisMonth.plusMonths(pool.deadlineMonthsFromNow()).atEndOfMonth();
            // as an admin would have entered it: through the same service, so the change record shows it too
            admin.create(pool.code(), new FundingPoolAdmin.PoolForm(pool.name(), pool.criteria(), pool.totalBudget(),
                    deadline, pool.fundOfficerGroup(), true), "demo");
            created++;
        }
        if (created > 0) {
            log.info("Created {} demo funding pools from {}", created, file);
        }
    }

    private Section read() {
        return DemoFiles.read(file, Section.class);
    }
}
