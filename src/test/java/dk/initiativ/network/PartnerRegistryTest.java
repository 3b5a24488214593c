package dk.initiativ.network;

import java.util.List;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partner registry on the embedded MariaDB with the demo reference data. */
@LocalModeTest
class PartnerRegistryTest {

    @Autowired
    PartnerRegistry registry;

    @Autowired
    NetworkDemoData demoData;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoPartnersAreThereInEveryKind() {
        assertThat(registry.list()).hasSize(8).extracting(PartnerView::kind)
                .contains(PartnerKind.values());
        assertThat(registry.list()).extracting(PartnerView::name).isSorted();
    }

    @Test
    void partnersCanBeFilteredByKind() {
        assertThat(registry.byKind(PartnerKind.PREMISES)).extracting(PartnerView::name)
                .containsExactly("Kulturhuset Svinninge", "Mørkøv Forsamlingshus");
        assertThat(registry.byKind(PartnerKind.PREMISES)).extracting(PartnerView::districtCodes)
                .containsExactly(List.of("svinninge"), List.of("moerkoev"));
        assertThat(registry.byKind(PartnerKind.VOLUNTEER)).allMatch(partner -> partner.kind() == PartnerKind.VOLUNTEER)
                .hasSize(2);
    }

    @Test
    void anInactivePartnerIsNotListedButCanStillBeFound() {
        jdbc.update("INSERT INTO partner (name, kind, description, active) VALUES ('Test Nedlagt', 'PARTNER', 'Test', FALSE)");
        long id = jdbc.queryForObject("SELECT id FROM partner WHERE name = 'Test Nedlagt'", Long.class);
        try {
            assertThat(registry.list()).extracting(PartnerView::name).doesNotContain("Test Nedlagt");
            assertThat(registry.byKind(PartnerKind.PARTNER)).extracting(PartnerView::name).doesNotContain("Test Nedlagt");
            assertThat(registry.find(id)).map(PartnerView::name).contains("Test Nedlagt");
        } finally {
            jdbc.update("DELETE FROM partner WHERE id = ?", id);
        }
    }

    @Test
    void theDatabaseRefusesAnUnknownKindOrDistrict() {
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO partner (name, kind, description) VALUES ('Test Borg', 'CASTLE', 'Test')"))
                .isInstanceOf(DataIntegrityViolationException.class);
        long id = jdbc.queryForObject("SELECT MIN(id) FROM partner", Long.class);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO partner_district (partner_id, district_code) VALUES (?, 'ukendt')", id))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update(
                "INSERT INTO partner_topic (partner_id, topic_code) VALUES (?, 'ukendt')", id))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM partner", Long.class);
        demoData.run(null);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM partner", Long.class)).isEqualTo(before);
    }
}
