package dk.initiativ.catalog;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.VisibleText;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to the topics and districts (issue 13, ADR 0037): create (a code typed or made from the Danish
 * name), rename in Danish and English, retire and take back into use. Nothing is deleted: cases, staff competences,
 * partners, the dashboard and the matching rules refer to the codes, and a retired entry stays named on all of them.
 * A name is unique per language whatever its case (checked here with a message, and by a unique key when two admins
 * race). Each change is recorded in the change record in the same transaction (ADR 0030), and the cached catalogue
 * is forgotten ({@link CatalogService#changed()}), so that the next request on this node reads it again.
 */
@Service
class CatalogAdmin {

    static final int NAME_MAX = 120;
    static final int CODE_MAX = 40;
    private static final String CODE_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";

    /** The two kinds of entry: their change-record kind, their path on the admin pages, their message keys. */
    enum Kind {
        TOPIC(ReferenceKinds.TOPIC, "emner", "admin.topics.topic.", "admin.topics.topic.error.codeTaken",
                "admin.topics.topic.error.nameDaTaken", "admin.topics.topic.error.nameEnTaken"),
        DISTRICT(ReferenceKinds.DISTRICT, "omraader", "admin.topics.district.",
                "admin.topics.district.error.codeTaken", "admin.topics.district.error.nameDaTaken",
                "admin.topics.district.error.nameEnTaken");

        final String recordKind;
        final String path;
        /** The prefix of the page texts that differ by kind (title, buttons). */
        final String keys;
        final String codeTaken;
        final String nameDaTaken;
        final String nameEnTaken;

        Kind(String recordKind, String path, String keys, String codeTaken, String nameDaTaken, String nameEnTaken) {
            this.recordKind = recordKind;
            this.path = path;
            this.keys = keys;
            this.codeTaken = codeTaken;
            this.nameDaTaken = nameDaTaken;
            this.nameEnTaken = nameEnTaken;
        }

        static Optional<Kind> byPath(String path) {
            for (Kind kind : values()) {
                if (kind.path.equals(path)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A new entry as an admin describes it; a blank code is made from the Danish name. */
    record NewEntry(String code, String nameDa, String nameEn) {
    }

    /** An entry as an admin sees it; {@code version} is sent back with a change (a stale one answers 409). */
    record AdminEntry(String code, String nameDa, String nameEn, boolean active, long version) {

        static AdminEntry of(CatalogItem item) {
            return new AdminEntry(item.getCode(), item.getNameDa(), item.getNameEn(), item.isActive(),
                    item.getVersion());
        }
    }

    /** What the change record keeps of an entry. */
    record Snapshot(String code, String nameDa, String nameEn, boolean active) {

        static Snapshot of(CatalogItem item) {
            return new Snapshot(item.getCode(), item.getNameDa(), item.getNameEn(), item.isActive());
        }
    }

    /** One table's operations, so that topics and districts share the rules. */
    private interface Store {
        JpaRepository<? extends CatalogItem, String> repository();

        CatalogItem create(String code, String nameDa, String nameEn);

        CatalogItem save(CatalogItem item);

        boolean danishNameTaken(String name, String code);

        boolean englishNameTaken(String name, String code);
    }

    private final Store topicStore;
    private final Store districtStore;
    private final CatalogService catalog;
    private final ReferenceChanges changes;

    CatalogAdmin(TopicRepository topics, DistrictRepository districts, CatalogService catalog,
            ReferenceChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
        this.topicStore = new Store() {
            public JpaRepository<? extends CatalogItem, String> repository() {
                return topics;
            }

            public CatalogItem create(String code, String nameDa, String nameEn) {
                return new Topic(code, nameDa, nameEn);
            }

            public CatalogItem save(CatalogItem item) {
                return topics.saveAndFlush((Topic) item);
            }

            public boolean danishNameTaken(String name, String code) {
                return topics.danishNameTaken(name, code);
            }

            public boolean englishNameTaken(String name, String code) {
                return topics.englishNameTaken(name, code);
            }
        };
        this.districtStore = new Store() {
            public JpaRepository<? extends CatalogItem, String> repository() {
                return districts;
            }

            public CatalogItem create(String code, String nameDa, String nameEn) {
                return new District(code, nameDa, nameEn);
            }

            public CatalogItem save(CatalogItem item) {
                return districts.saveAndFlush((District) item);
            }

            public boolean danishNameTaken(String name, String code) {
                return districts.danishNameTaken(name, code);
            }

            public boolean englishNameTaken(String name, String code) {
                return districts.englishNameTaken(name, code);
            }
        };
    }

    /** Every entry of the kind, retired ones included, sorted by the Danish name as Danish sorts. */
    @Transactional(readOnly = true)
    public List<AdminEntry> list(Kind kind) {
        Collator danish = Collator.getInstance(Locale.forLanguageTag("da"));
        return store(kind).repository().findAll().stream().map(AdminEntry::of)
                .sorted(Comparator.comparing(AdminEntry::nameDa, danish).thenComparing(AdminEntry::code)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<AdminEntry> find(Kind kind, String code) {
        return code == null ? Optional.empty() : store(kind).repository().findById(code).map(AdminEntry::of);
    }

    /**
     * Creates an entry, offered at once. Refused with the field named: a bad or taken code ("ny" too: it is the
     * new-entry page's address), a missing or taken name.
     */
    @Transactional
    public AdminEntry create(Kind kind, NewEntry entry, String who) {
        Store store = store(kind);
        String nameDa = name(entry.nameDa(), "nameDa", "admin.topics.error.nameDa");
        String nameEn = name(entry.nameEn(), "nameEn", "admin.topics.error.nameEn");
        String code = entry.code() == null || entry.code().isBlank() ? freeCode(store, nameDa)
                : entry.code().strip();
        if (!code.matches(CODE_PATTERN) || "ny".equals(code)) {
            throw new FieldProblemException("code", "admin.topics.error.code");
        }
        if (store.repository().existsById(code)) {
            throw new FieldProblemException("code", kind.codeTaken);
        }
        checkNamesFree(kind, store, nameDa, nameEn, code);
        CatalogItem item = save(kind, store, store.create(code, nameDa, nameEn));
        changes.record(who, kind.recordKind, code, ReferenceKinds.CREATE, null, Snapshot.of(item), null);
        catalog.changed();
        return AdminEntry.of(item);
    }

    /** New names for an entry whose version the admin read; the code never changes (cases refer to it). */
    @Transactional
    public AdminEntry rename(Kind kind, String code, String nameDa, String nameEn, Long version, String who) {
        Store store = store(kind);
        CatalogItem item = current(kind, store, code, version);
        String da = name(nameDa, "nameDa", "admin.topics.error.nameDa");
        String en = name(nameEn, "nameEn", "admin.topics.error.nameEn");
        checkNamesFree(kind, store, da, en, code);
        Snapshot before = Snapshot.of(item);
        item.rename(da, en);
        return saved(kind, store, item, before, who);
    }

    /**
     * Retires an entry ({@code active} false: no longer offered on the citizen form, the staff pickers and the
     * catalogue API, still named on old cases and in the dashboard) or takes it back into use.
     */
    @Transactional
    public AdminEntry setActive(Kind kind, String code, boolean active, Long version, String who) {
        Store store = store(kind);
        CatalogItem item = current(kind, store, code, version);
        Snapshot before = Snapshot.of(item);
        item.setActive(active);
        return saved(kind, store, item, before, who);
    }

    private AdminEntry saved(Kind kind, Store store, CatalogItem item, Snapshot before, String who) {
        Snapshot after = Snapshot.of(item);
        if (after.equals(before)) {
            return AdminEntry.of(item);
        }
        CatalogItem saved = save(kind, store, item);
        changes.record(who, kind.recordKind, saved.getCode(), ReferenceKinds.UPDATE, before, after, null);
        catalog.changed();
        return AdminEntry.of(saved);
    }

    private CatalogItem current(Kind kind, Store store, String code, Long version) {
        CatalogItem item = (code == null ? Optional.<CatalogItem>empty()
                : store.repository().findById(code).map(CatalogItem.class::cast))
                .orElseThrow(() -> new NotFoundException("No " + kind.recordKind + " " + code));
        if (version == null) {
            throw new FieldProblemException("version", "admin.topics.error.version");
        }
        if (item.getVersion() != version) {
            throw new ConflictException("admin.topics.conflict",
                    kind.recordKind + " " + code + " is at version " + item.getVersion() + ", not " + version);
        }
        return item;
    }

    private void checkNamesFree(Kind kind, Store store, String nameDa, String nameEn, String code) {
        if (store.danishNameTaken(nameDa, code)) {
            throw new FieldProblemException("nameDa", kind.nameDaTaken);
        }
        if (store.englishNameTaken(nameEn, code)) {
            throw new FieldProblemException("nameEn", kind.nameEnTaken);
        }
    }

    private static CatalogItem save(Kind kind, Store store, CatalogItem item) {
        try {
            return store.save(item);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new ConflictException("admin.topics.conflict", "Changed meanwhile: " + item.getCode());
        } catch (DataIntegrityViolationException e) {
            // two admins chose the same name or code at the same moment: the unique keys settled it
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("name_en")) {
                throw new FieldProblemException("nameEn", kind.nameEnTaken);
            }
            if (message.contains("name_da")) {
                throw new FieldProblemException("nameDa", kind.nameDaTaken);
            }
            throw new FieldProblemException("code", kind.codeTaken);
        }
    }

    private Store store(Kind kind) {
        return kind == Kind.TOPIC ? topicStore : districtStore;
    }

    /**
     * A name trimmed and in composed form (so that "ø" typed two ways is one name); any letters and emoji, at most
     * {@value #NAME_MAX} characters (as the database counts them), no control characters.
     */
    static String name(String value, String field, String messageKey) {
        String name = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (VisibleText.isBlank(name) || name.codePointCount(0, name.length()) > NAME_MAX
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new FieldProblemException(field, messageKey);
        }
        return name;
    }

    /** A code from the Danish name (lower case ASCII and hyphens), with a number added when it is taken. */
    private static String freeCode(Store store, String name) {
        String base = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe")
                .replace("å", "aa"), Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "emne";
        }
        base = base.length() > 30 ? base.substring(0, 30).replaceAll("-+$", "") : base;
        String code = base;
        for (int n = 2; store.repository().existsById(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }
}
