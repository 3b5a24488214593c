package dk.initiativ.catalog;

import java.util.List;
import java.util.Set;

import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
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
 * Demo topics and districts from the {@code topics} and {@code districts} sections of
 * {@code demo/reference-data.yaml}, at start. Runs first: staff competences and partners refer to them.
 * Codes that exist already are left as they are; which exist is read with one statement per table, so that a start
 * on an existing database creates no JPA repository for it (they are created on first use in the dev run).
 */
@Component
@ConditionalOnDemoData
@Order(10)
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final Resource file;
    private final TopicRepository topics;
    private final DistrictRepository districts;
    private final CatalogService catalog;
    private final JdbcTemplate jdbc;

    CatalogDemoData(@Value("${initiativ.demo.reference-data-file:classpath:demo/reference-data.yaml}") Resource file,
            TopicRepository topics, DistrictRepository districts, CatalogService catalog, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.file = file;
        this.catalog = catalog;
        this.topics = topics;
        this.districts = districts;
    }

    record Section(List<Entry> topics, List<Entry> districts) {
    }

    record Entry(String code, String nameDa, String nameEn) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Section demo = read();
        int created = 0;
        Set<String> presentTopics = Set.copyOf(jdbc.queryForList("SELECT code FROM topic", String.class));
        for (Entry entry : demo.topics()) {
            if (!presentTopics.contains(entry.code())) {
                topics.save(new Topic(entry.code(), entry.nameDa(), entry.nameEn()));
                created++;
            }
        }
        Set<String> presentDistricts = Set.copyOf(jdbc.queryForList("SELECT code FROM district", String.class));
        for (Entry entry : demo.districts()) {
            if (!presentDistricts.contains(entry.code())) {
                districts.save(new District(entry.code(), entry.nameDa(), entry.nameEn()));
                created++;
            }
        }
        if (created > 0) {
            catalog.changed();
            log.info("Created {} demo topics and districts from {}", created, file);
        }
    }

    private Section read() {
        return DemoFiles.read(file, Section.class);
    }
}
