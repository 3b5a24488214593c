package dk.initiativ.catalog;

import java.util.Locale;

import dk.initiativ.support.LocalModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog on the embedded MariaDB with the demo reference data. */
@LocalModeTest
class CatalogServiceTest {

    private static final Locale DANISH = Locale.forLanguageTag("da");

    @Autowired CatalogProperties properties;

    @Autowired
    CatalogService catalog;

    @Autowired
    CatalogDemoData demoData;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoTopicsAndDistrictsAreThere() {
        assertThat(catalog.activeTopics(DANISH)).hasSize(8)
                .contains(new CatalogEntry("natur-miljoe", "Natur og miljø"), new CatalogEntry("aeldre", "Ældre"));
        assertThat(catalog.activeTopics(Locale.ENGLISH))
                .contains(new CatalogEntry("natur-miljoe", "Nature and environment"));
        assertThat(catalog.activeDistricts(DANISH)).extracting(CatalogEntry::code)
                .containsExactlyInAnyOrder("holbaek-by", "tuse-naes", "jyderup", "svinninge", "toelloese", "moerkoev");
        assertThat(catalog.activeDistricts(DANISH)).contains(new CatalogEntry("toelloese", "Tølløse"));
    }

    @Test
    void namesAreSortedAsTheLanguageSortsThem() {
        // Danish puts æ, ø and å after z; English sorts "Older people" among the o's
        assertThat(catalog.activeTopics(DANISH)).extracting(CatalogEntry::name).containsExactly(
                "Børn og unge", "Erhverv og turisme", "Idræt og bevægelse", "Kultur og fritid", "Natur og miljø",
                "Socialt fællesskab", "Trafik og byrum", "Ældre");
        assertThat(catalog.activeTopics(Locale.ENGLISH)).extracting(CatalogEntry::name).containsExactly(
                "Business and tourism", "Children and young people", "Culture and leisure", "Nature and environment",
                "Older people", "Social community", "Sport and exercise", "Traffic and public space");
    }

    @Test
    void codesAreCheckedAgainstTheActiveChoices() {
        assertThat(catalog.topicExists("natur-miljoe")).isTrue();
        assertThat(catalog.topicExists("Natur og miljø")).isFalse();
        assertThat(catalog.topicExists(null)).isFalse();
        assertThat(catalog.districtExists("moerkoev")).isTrue();
        assertThat(catalog.districtExists("natur-miljoe")).isFalse();
    }

    @Test
    void anInactiveTopicIsNoLongerOfferedButKeepsItsName() {
        jdbc.update("INSERT INTO topic (code, name_da, name_en, active) VALUES ('test-udgaaet', 'Udgået', 'Retired', FALSE)");
        // written past the service, as an admin's change on another node would be: seen once the cache is dropped
        catalog.changed();
        try {
            assertThat(catalog.activeTopics(DANISH)).extracting(CatalogEntry::code).doesNotContain("test-udgaaet");
            assertThat(catalog.topicExists("test-udgaaet")).isFalse();
            assertThat(catalog.topicNames(Locale.ENGLISH)).containsEntry("test-udgaaet", "Retired");
        } finally {
            jdbc.update("DELETE FROM topic WHERE code = 'test-udgaaet'");
            catalog.changed();
        }
    }

    @Test
    void theCatalogueIsReadOnceAndAgainOnlyWhenItChangedOrItsTimeRanOut() {
        catalog.changed();
        assertThat(catalog.topicExists("natur-miljoe")).isTrue();
        // a row written past the service is not seen until the service is told (or cache-for has passed)
        jdbc.update("INSERT INTO topic (code, name_da, name_en, active) VALUES ('test-ny', 'Nyt emne', 'New topic', TRUE)");
        try {
            assertThat(catalog.topicExists("test-ny")).isFalse();
            assertThat(properties.cacheFor()).isEqualTo(java.time.Duration.ofSeconds(30));
            catalog.changed();
            assertThat(catalog.topicExists("test-ny")).isTrue();
            assertThat(catalog.activeTopics(DANISH)).extracting(CatalogEntry::name).contains("Nyt emne");
        } finally {
            jdbc.update("DELETE FROM topic WHERE code = 'test-ny'");
            catalog.changed();
        }
        assertThat(catalog.topicExists("test-ny")).isFalse();
    }

    @Test
    void seedingAgainAddsNothing() throws Exception {
        long topics = count("topic");
        long districts = count("district");
        demoData.run(null);
        assertThat(count("topic")).isEqualTo(topics);
        assertThat(count("district")).isEqualTo(districts);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
