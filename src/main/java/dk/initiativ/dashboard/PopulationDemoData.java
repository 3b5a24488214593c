package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import dk.initiativ.initiative.AgeBand;
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
 * The demo municipality's population per district and age band ({@code demo/population.yaml}), at start, after the
 * districts (catalogue, order 10). Idempotent: a figure present already for the year, district and age band stays
 * as it is; a district the catalogue lacks is skipped.
 */
@Component
@ConditionalOnDemoData
@Order(20)
class PopulationDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PopulationDemoData.class);

    private final Resource file;
    private final JdbcTemplate jdbc;

    PopulationDemoData(@Value("${initiativ.demo.population-file:classpath:demo/population.yaml}") Resource file,
            JdbcTemplate jdbc) {
        this.file = file;
        this.jdbc = jdbc;
    }

    record PopulationFile(Figures population) {
    }

    /** One year's figures: per district code the inhabitants of each age band, in {@link AgeBand} order. */
    record Figures(int year, String source, Map<String, List<Integer>> districts) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Figures figures = DemoFiles.read(file, PopulationFile.class).population();
        AgeBand[] bands = AgeBand.values();
        Set<String> districts = new HashSet<>(jdbc.queryForList("SELECT code FROM district", String.class));
        Set<String> present = new HashSet<>(jdbc.queryForList(
                "SELECT CONCAT(district_code, '/', age_band) FROM population WHERE year = ?", String.class,
                figures.year()));
        List<Object[]> rows = new ArrayList<>();
        figures.districts().forEach((district, inhabitants) -> {
            if (inhabitants.size() != bands.length) {
                throw new IllegalStateException("demo population of " + district + ": " + inhabitants.size()
                        + " figures for " + bands.length + " age bands");
            }
            if (!districts.contains(district)) {
                return;
            }
            for (int i = 0; i < bands.length; i++) {
                if (!present.contains(district + "/" + bands[i].name())) {
                    rows.add(new Object[] {district, bands[i].name(), figures.year(), inhabitants.get(i), figures.source()});
                }
            }
        });
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO population (district_code, age_band, year, inhabitants, source) "
                    + "VALUES (?, ?, ?, ?, ?)", rows);
            log.info("Created {} demo population figures from {}", rows.size(), file);
        }
    }
}
