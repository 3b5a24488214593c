package dk.initiativ.permits;

import java.util.List;

import dk.initiativ.database.ConditionalOnDemoData;
import dk.initiativ.database.DemoFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo permit types from the {@code permitTypes} section of {@code demo/reference-data.yaml}, at start, entered as
 * an admin would have entered them (through {@link PermitCatalogAdmin}, so the change record shows them too). Types
 * that exist already are left as they are.
 */
@Component
@ConditionalOnDemoData
@Order(35)
class PermitDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PermitDemoData.class);

    private final Resource file;
    private final PermitTypes types;
    private final PermitCatalogAdmin admin;

    PermitDemoData(@Value("${initiativ.demo.reference-data-file:classpath:demo/reference-data.yaml}") Resource file,
            PermitTypes types, PermitCatalogAdmin admin) {
        this.file = file;
        this.types = types;
        this.admin = admin;
    }

    record Section(List<DemoType> permitTypes) {
    }

    record DemoType(String code, String nameDa, String nameEn, String departmentGroup, int decisionDays) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Section section = DemoFiles.read(file, Section.class);
        if (section.permitTypes() == null) {
            return;
        }
        int created = 0;
        for (DemoType type : section.permitTypes()) {
            if (types.find(type.code()).isPresent()) {
                continue;
            }
            admin.createPermitType(type.code(), new PermitCatalogAdmin.PermitTypeForm(type.nameDa(), type.nameEn(),
                    type.departmentGroup(), type.decisionDays(), true, null), "demo");
            created++;
        }
        if (created > 0) {
            log.info("Created {} demo permit types from {}", created, file);
        }
    }
}
