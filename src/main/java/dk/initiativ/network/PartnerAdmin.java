package dk.initiativ.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.catalog.CatalogService;
import dk.initiativ.web.ConflictException;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.NotFoundException;
import dk.initiativ.web.VisibleText;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's changes to the network registry (issue 13, ADR 0039): create and describe partners, associations,
 * volunteers and premises (contact data, the topics and districts they serve), and retire them. A partner that no
 * case links is deleted when it retires; one that a case links stays, retired, so that the case still names it,
 * and a retired volunteer's contact data is removed. Each change is recorded in the change record in the same
 * transaction; for a volunteer the record keeps no personal data, only which personal fields changed. A topic or
 * district must be active in the catalog, unless the partner serves it already (a retired one may stay).
 */
@Service
public class PartnerAdmin {

    static final int NAME_MAX = 150;
    static final int DESCRIPTION_MAX = 2000;
    static final int CONTACT_PERSON_MAX = 150;
    static final int EMAIL_MAX = 254;
    static final int ADDRESS_MAX = 300;
    static final int CAPACITY_MAX = 100000;

    /**
     * An address as people write them (letters of any language, digits and the characters RFC 5322 allows unquoted
     * in the name); no markup, quotes, colons, brackets or controls, which no partner's address needs.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]*[0-9]");

    static boolean isEmailAddress(String text) {
        return EMAIL.matcher(text).matches();
    }

    private final PartnerRepository partners;
    private final PartnerLinkRepository links;
    private final CatalogService catalog;
    private final ReferenceChanges changes;

    PartnerAdmin(PartnerRepository partners, PartnerLinkRepository links, CatalogService catalog,
            ReferenceChanges changes) {
        this.partners = partners;
        this.links = links;
        this.catalog = catalog;
        this.changes = changes;
    }

    /**
     * A partner as an admin describes it. {@code version} is the version the admin read (for a change; null when
     * creating); {@code kind} cannot change once created. Capacity only counts for premises.
     */
    public record PartnerForm(String name, PartnerKind kind, String description, String contactPerson,
            String contactEmail, String contactPhone, String address, Integer capacity, List<String> topics,
            List<String> districts, Long version) {
    }

    /**
     * What the change record keeps of a partner (ADR 0039). For a volunteer: no name, description or contact data
     * (they are a person's and the record is kept for good), only the fields that say what it serves and, on a
     * change, the names of the personal fields that changed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Snapshot(String name, PartnerKind kind, String description, String contactPerson, String contactEmail,
            String contactPhone, String address, Integer capacity, List<String> topics, List<String> districts,
            boolean active, List<String> personalFieldsChanged) {

        static Snapshot of(Partner partner) {
            if (partner.getKind() == PartnerKind.VOLUNTEER) {
                return new Snapshot(null, partner.getKind(), null, null, null, null, null, partner.getCapacity(),
                        partner.getTopicCodes(), partner.getDistrictCodes(), partner.isActive(), null);
            }
            return new Snapshot(partner.getName(), partner.getKind(), partner.getDescription(),
                    partner.getContactPerson(), partner.getContactEmail(), partner.getContactPhone(),
                    partner.getAddress(), partner.getCapacity(), partner.getTopicCodes(), partner.getDistrictCodes(),
                    partner.isActive(), null);
        }

        Snapshot withChanged(List<String> fields) {
            return fields.isEmpty() ? this : new Snapshot(name, kind, description, contactPerson, contactEmail,
                    contactPhone, address, capacity, topics, districts, active, fields);
        }
    }

    /** A volunteer's personal fields, by name, as they are now. */
    private static List<String> personal(Partner partner) {
        return Arrays.asList(partner.getName(), partner.getDescription(), partner.getContactPerson(),
                partner.getContactEmail(), partner.getContactPhone(), partner.getAddress());
    }

    private static final List<String> PERSONAL_FIELDS = List.of("name", "description", "contactPerson",
            "contactEmail", "contactPhone", "address");

    private static List<String> changedPersonal(List<String> before, List<String> after) {
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < PERSONAL_FIELDS.size(); i++) {
            if (!Objects.equals(before.get(i), after.get(i))) {
                changed.add(PERSONAL_FIELDS.get(i));
            }
        }
        return changed;
    }

    @Transactional
    public PartnerView create(PartnerForm form, String who) {
        if (form.kind() == null) {
            throw new FieldProblemException("kind", "admin.network.error.kind");
        }
        PartnerForm valid = validate(form, form.kind(), null, List.of(), List.of());
        Partner partner = new Partner(valid.name(), valid.kind(), valid.description(), null, null, null);
        describe(partner, valid);
        saveAndFlush(partner);
        Snapshot after = Snapshot.of(partner);
        if (partner.getKind() == PartnerKind.VOLUNTEER) {
            List<String> none = Arrays.asList(new String[PERSONAL_FIELDS.size()]);
            after = after.withChanged(changedPersonal(none, personal(partner)));
        }
        changes.record(who, ReferenceKinds.PARTNER, String.valueOf(partner.getId()), ReferenceKinds.CREATE, null,
                after, null);
        return partner.toView();
    }

    /** Changes everything but the kind; refused (409) when someone changed the partner since {@code version}. */
    @Transactional
    public PartnerView update(long id, PartnerForm form, String who) {
        Partner partner = partners.findById(id).orElseThrow(() -> new NotFoundException("No partner " + id));
        if (form.version() != null && form.version() != partner.getVersion()) {
            throw new ConflictException("admin.network.conflict",
                    "Partner " + id + " is at version " + partner.getVersion() + ", not " + form.version());
        }
        PartnerForm valid = validate(form, partner.getKind(), id, partner.getTopicCodes(),
                partner.getDistrictCodes());
        Snapshot before = Snapshot.of(partner);
        List<String> personalBefore = personal(partner);
        describe(partner, valid);
        saveAndFlush(partner);
        List<String> changedPersonal = partner.getKind() == PartnerKind.VOLUNTEER
                ? changedPersonal(personalBefore, personal(partner)) : List.of();
        Snapshot after = Snapshot.of(partner);
        if (!after.equals(before) || !changedPersonal.isEmpty()) {
            changes.record(who, ReferenceKinds.PARTNER, String.valueOf(id), ReferenceKinds.UPDATE, before,
                    after.withChanged(changedPersonal), null);
        }
        return partner.toView();
    }

    /**
     * Retires the partner: no case offers it any more. When no case links it, it is deleted (answer: empty);
     * otherwise it stays, retired, so that the cases still name it, and a volunteer's contact data is removed.
     */
    @Transactional
    public Optional<PartnerView> retire(long id, String who) {
        Partner partner = partners.findById(id).orElseThrow(() -> new NotFoundException("No partner " + id));
        Snapshot before = Snapshot.of(partner);
        List<String> personalBefore = personal(partner);
        if (!links.existsByPartnerId(id)) {
            partners.delete(partner);
            partners.flush();
            changes.record(who, ReferenceKinds.PARTNER, String.valueOf(id), ReferenceKinds.UPDATE, before, null,
                    null);
            return Optional.empty();
        }
        if (!partner.isActive()) {
            return Optional.of(partner.toView());
        }
        partner.retire();
        partners.saveAndFlush(partner);
        List<String> changedPersonal = partner.getKind() == PartnerKind.VOLUNTEER
                ? changedPersonal(personalBefore, personal(partner)) : List.of();
        changes.record(who, ReferenceKinds.PARTNER, String.valueOf(id), ReferenceKinds.UPDATE, before,
                Snapshot.of(partner).withChanged(changedPersonal), null);
        return Optional.of(partner.toView());
    }

    private static void describe(Partner partner, PartnerForm valid) {
        partner.describe(valid.name(), valid.description(), valid.contactPerson(), valid.contactEmail(),
                valid.contactPhone(), valid.address(), valid.capacity(), valid.topics(), valid.districts());
    }

    private void saveAndFlush(Partner partner) {
        try {
            partners.saveAndFlush(partner);
        } catch (DataIntegrityViolationException e) {
            // two admins gave two partners of one kind the same name at the same moment: the unique key settled it
            throw new FieldProblemException("name", "admin.network.error.nameTaken");
        }
    }

    /** The form with its texts trimmed and its lists checked, or the first field problem (in the form's order). */
    private PartnerForm validate(PartnerForm form, PartnerKind kind, Long id, List<String> topicsNow,
            List<String> districtsNow) {
        String name = required(form.name(), "name", NAME_MAX, "admin.network.error.name");
        if (partners.nameTaken(kind, name, id)) {
            throw new FieldProblemException("name", "admin.network.error.nameTaken");
        }
        String description = required(form.description(), "description", DESCRIPTION_MAX,
                "admin.network.error.description");
        String contactPerson = optional(form.contactPerson(), "contactPerson", CONTACT_PERSON_MAX,
                "admin.network.error.contactPerson");
        String email = optional(form.contactEmail(), "contactEmail", EMAIL_MAX, "admin.network.error.email");
        if (email != null && !isEmailAddress(email)) {
            throw new FieldProblemException("contactEmail", "admin.network.error.email");
        }
        String phone = optional(form.contactPhone(), "contactPhone", 30, "admin.network.error.phone");
        if (phone != null) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(phone).matches() || digits < 8 || digits > 15) {
                throw new FieldProblemException("contactPhone", "admin.network.error.phone");
            }
        }
        String address = optional(form.address(), "address", ADDRESS_MAX, "admin.network.error.address");
        Integer capacity = kind == PartnerKind.PREMISES ? form.capacity() : null;
        if (capacity != null && (capacity < 1 || capacity > CAPACITY_MAX)) {
            throw new FieldProblemException("capacity", "admin.network.error.capacity");
        }
        List<String> topics = codes(form.topics());
        if (!topics.stream().allMatch(code -> topicsNow.contains(code) || catalog.topicExists(code))) {
            throw new FieldProblemException("topics", "admin.network.error.topics");
        }
        List<String> districts = codes(form.districts());
        if (!districts.stream().allMatch(code -> districtsNow.contains(code) || catalog.districtExists(code))) {
            throw new FieldProblemException("districts", "admin.network.error.districts");
        }
        return new PartnerForm(name, kind, description, contactPerson, email, phone, address, capacity, topics,
                districts, form.version());
    }

    private static List<String> codes(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        codes.stream().filter(Objects::nonNull).map(String::strip).filter(code -> !code.isEmpty())
                .forEach(distinct::add);
        return List.copyOf(distinct);
    }

    private static String required(String value, String field, int max, String key) {
        String text = value == null ? "" : value.strip();
        if (VisibleText.isBlank(text) || text.length() > max) {
            throw new FieldProblemException(field, key);
        }
        return text;
    }

    private static String optional(String value, String field, int max, String key) {
        String text = value == null ? "" : value.strip();
        if (text.length() > max) {
            throw new FieldProblemException(field, key);
        }
        return text.isEmpty() ? null : text;
    }
}
