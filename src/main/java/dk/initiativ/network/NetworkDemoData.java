package dk.initiativ.network;

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
 * Demo partners from the {@code partners} section of {@code demo/reference-data.yaml}, at start, after the
 * catalog's topics and districts (partners refer to them), entered as an admin would enter them: through
 * {@link PartnerAdmin}, so the change record shows them too. A partner whose name is registered already is left as
 * it is.
 */
@Component
@ConditionalOnDemoData
@Order(40)
class NetworkDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(NetworkDemoData.class);

    private final Resource file;
    private final JdbcTemplate jdbc;
    private final PartnerAdmin admin;

    NetworkDemoData(@Value("${initiativ.demo.reference-data-file:classpath:demo/reference-data.yaml}") Resource file,
            JdbcTemplate jdbc, PartnerAdmin admin) {
        this.file = file;
        this.jdbc = jdbc;
        this.admin = admin;
    }

    record Section(List<DemoPartner> partners) {
    }

    record DemoPartner(String name, PartnerKind kind, String description, String contactPerson, String contactEmail,
            String contactPhone, String address, Integer capacity, List<String> topics, List<String> districts) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int created = 0;
        Set<String> present = Set.copyOf(jdbc.queryForList("SELECT name FROM partner", String.class));
        for (DemoPartner partner : read().partners()) {
            if (!present.contains(partner.name())) {
                admin.create(new PartnerAdmin.PartnerForm(partner.name(), partner.kind(), partner.description(),
                        partner.contactPerson(), partner.contactEmail(), partner.contactPhone(), partner.address(),
                        partner.capacity(), partner.topics(), partner.districts(), null), "demo");
                created++;
            }
        }
        if (created > 0) {
            log.info("Created {} demo partners from {}", created, file);
        }
    }

    private Section read() {
        return DemoFiles.read(file, Section.class);
    }
}
