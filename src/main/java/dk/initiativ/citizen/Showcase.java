package dk.initiativ.citizen;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dk.initiativ.catalog.CatalogEntry;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.initiative.Cases;
import dk.initiativ.initiative.CitizenCaseSummary;
import dk.initiativ.initiative.Outcome;
import dk.initiativ.initiative.PublishedInitiatives;
import dk.initiativ.process.DeadlineProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public showcase of realised initiatives and a logged-in citizen's list of their own. */
@Service
@Transactional(readOnly = true)
class Showcase {

    static final int PAGE_SIZE = 10;
    private static final int SHORT_DESCRIPTION = 280;

    private final Cases cases;
    private final ZoneId zone;
    private final CatalogService catalog;

    Showcase(Cases cases, CatalogService catalog, DeadlineProperties deadlines) {
        this.zone = deadlines.zone();
        this.cases = cases;
        this.catalog = catalog;
    }

    /** One showcased initiative: no name, no contact data. */
    record Entry(String title, String shortDescription, String topic, String district, Outcome outcome,
            LocalDate closedOn) {
    }

    /** A page of the showcase; {@code page} counts from 1. */
    record Page(List<Entry> entries, int page, int pages, long total, String district, List<CatalogEntry> districts) {
    }

    /** A page of the showcase in one district (a known district code) or, {@code district} null or unknown, in all. */
    Page page(String district, int requestedPage, Locale locale) {
        int page = Math.max(1, requestedPage);
        String known = district != null && catalog.districtExists(district) ? district : null;
        PublishedInitiatives found = cases.published(known, page - 1, PAGE_SIZE);
        int pages = (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Map<String, String> topics = catalog.topicNames(locale);
        Map<String, String> districts = catalog.districtNames(locale);
        return new Page(found.entries().stream()
                .map(e -> new Entry(e.title(), shorten(e.description()), topics.getOrDefault(e.topic(), e.topic()),
                        districts.getOrDefault(e.district(), e.district()), e.outcome(),
                        e.closedAt() == null ? null : e.closedAt().atZone(zone).toLocalDate()))
                .toList(), page, pages, found.total(), known, catalog.activeDistricts(locale));
    }

    List<CitizenCaseSummary> ofCitizen(String userId) {
        return cases.ofCitizen(userId);
    }

    static String shorten(String text) {
        if (text == null || text.length() <= SHORT_DESCRIPTION) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHORT_DESCRIPTION);
        return text.substring(0, cut > SHORT_DESCRIPTION / 2 ? cut : SHORT_DESCRIPTION).strip() + "…";
    }
}
