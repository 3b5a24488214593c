package dk.initiativ.catalog;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What citizens choose from: the active topics and districts, named in the caller's language and sorted
 * as that language sorts (in Danish, æ, ø and å come last). Other features check codes against it.
 */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final TopicRepository topics;
    private final DistrictRepository districts;

    CatalogService(TopicRepository topics, DistrictRepository districts) {
        this.topics = topics;
        this.districts = districts;
    }

    /** The topics a citizen may choose today. */
    public List<CatalogEntry> activeTopics(Locale locale) {
        return sorted(topics.findByActiveTrue().stream().map(topic -> topic.toEntry(locale)).toList(), locale);
    }

    /** The districts a citizen may choose today. */
    public List<CatalogEntry> activeDistricts(Locale locale) {
        return sorted(districts.findByActiveTrue().stream().map(district -> district.toEntry(locale)).toList(), locale);
    }

    /** Whether {@code code} is a topic a citizen may choose today (inactive topics do not count). */
    public boolean topicExists(String code) {
        return code != null && topics.existsByCodeAndActiveTrue(code);
    }

    /** Whether {@code code} is a district a citizen may choose today (inactive districts do not count). */
    public boolean districtExists(String code) {
        return code != null && districts.existsByCodeAndActiveTrue(code);
    }

    /** The names of all topics by code, inactive ones included, for showing what older cases and profiles refer to. */
    public Map<String, String> topicNames(Locale locale) {
        return topics.findAll().stream().collect(Collectors.toMap(Topic::getCode, topic -> topic.name(locale)));
    }

    /** The names of all districts by code, inactive ones included. */
    public Map<String, String> districtNames(Locale locale) {
        return districts.findAll().stream()
                .collect(Collectors.toMap(District::getCode, district -> district.name(locale)));
    }

    private static List<CatalogEntry> sorted(List<CatalogEntry> entries, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return entries.stream()
                .sorted(Comparator.comparing(CatalogEntry::name, collator).thenComparing(CatalogEntry::code))
                .toList();
    }
}
