package dk.initiativ.catalog;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.initiativ.database.ReadMostly;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What citizens choose from: the active topics and districts, named in the caller's language and sorted
 * as that language sorts (in Danish, æ, ø and å come last). Other features check codes against it.
 * <p>
 * The catalogue is a few dozen rows read on every form page and checked on every submission, and it changes a few
 * times a year. So it is read in one go and kept in memory for {@code initiativ.catalog.cache-for} ({@link ReadMostly}):
 * a submission then sends no statement for it. Whoever changes the tables calls {@link #changed()};
 * other nodes see a change within the configured time.
 */
@Service
public class CatalogService {

    /** One topic or district as read, a plain row that can be shared between requests. */
    private record Item(String code, String nameDa, String nameEn, boolean active) {

        String name(Locale locale) {
            return LocalizedName.choose(locale, nameDa, nameEn);
        }

        CatalogEntry toEntry(Locale locale) {
            return new CatalogEntry(code, name(locale));
        }
    }

    /** Every topic and district, inactive ones included, by code. */
    private record Snapshot(Map<String, Item> topics, Map<String, Item> districts) {
    }

    private final ReadMostly<Snapshot> snapshot;

    CatalogService(JdbcTemplate jdbc, PlatformTransactionManager transactions, CatalogProperties properties) {
        this.snapshot = new ReadMostly<>(properties.cacheFor(), transactions, () -> new Snapshot(
                byCode(read(jdbc, "topic")), byCode(read(jdbc, "district"))));
    }

    /**
     * The rows of one of the two tables, read with plain SQL: the form page, the first page most visitors see, then
     * needs no JPA repository (the dev run creates them on first use) and no entity is loaded only to be copied.
     */
    private static List<Item> read(JdbcTemplate jdbc, String table) {
        return jdbc.query("SELECT code, name_da, name_en, active FROM " + table, (row, number) ->
                new Item(row.getString("code"), row.getString("name_da"), row.getString("name_en"),
                        row.getBoolean("active")));
    }

    /** The topics a citizen may choose today. */
    public List<CatalogEntry> activeTopics(Locale locale) {
        return active(current().topics(), locale);
    }

    /** The districts a citizen may choose today. */
    public List<CatalogEntry> activeDistricts(Locale locale) {
        return active(current().districts(), locale);
    }

    /** Whether {@code code} is a topic a citizen may choose today (inactive topics do not count). */
    public boolean topicExists(String code) {
        return isActive(current().topics(), code);
    }

    /** Whether {@code code} is a district a citizen may choose today (inactive districts do not count). */
    public boolean districtExists(String code) {
        return isActive(current().districts(), code);
    }

    /** The names of all topics by code, inactive ones included, for showing what older cases and profiles refer to. */
    public Map<String, String> topicNames(Locale locale) {
        return names(current().topics(), locale);
    }

    /** The names of all districts by code, inactive ones included. */
    public Map<String, String> districtNames(Locale locale) {
        return names(current().districts(), locale);
    }

    /**
     * Forgets what was read, so that the next call reads the tables again: call it after changing them. Inside a
     * transaction it forgets again when the transaction ends, so that a read between the change and its commit
     * cannot keep the old rows.
     */
    public void changed() {
        snapshot.changed();
    }

    private Snapshot current() {
        return snapshot.current();
    }

    private static Map<String, Item> byCode(List<Item> items) {
        return items.stream().collect(Collectors.toUnmodifiableMap(Item::code, Function.identity()));
    }

    private static boolean isActive(Map<String, Item> items, String code) {
        Item item = code == null ? null : items.get(code);
        return item != null && item.active();
    }

    private static Map<String, String> names(Map<String, Item> items, Locale locale) {
        return items.values().stream().collect(Collectors.toMap(Item::code, item -> item.name(locale)));
    }

    private static List<CatalogEntry> active(Map<String, Item> items, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return items.values().stream().filter(Item::active).map(item -> item.toEntry(locale))
                .sorted(Comparator.comparing(CatalogEntry::name, collator).thenComparing(CatalogEntry::code))
                .toList();
    }
}
