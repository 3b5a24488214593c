package dk.initiativ.network;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

/**
 * A partner, association, volunteer or premises in the registry that contact persons link to initiatives, with
 * its contact data and the topics and districts (catalog codes) it serves: none of topics means every topic, none
 * of districts the whole municipality (ADR 0039). A volunteer's contact data is personal data: it is removed when
 * the volunteer retires.
 */
@Entity
class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerKind kind;

    @Column(nullable = false)
    private String description;

    private String contactPerson;

    private String contactEmail;

    private String contactPhone;

    /** Where premises are (or an organisation has its address). */
    private String address;

    /** How many people premises hold; null when not told or not premises. */
    private Integer capacity;

    /** Loaded for up to 100 partners in one query when a list walks them (the suggestions). */
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_topic", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "topic_code", nullable = false)
    private Set<String> topicCodes = new TreeSet<>();

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "partner_district", joinColumns = @JoinColumn(name = "partner_id"))
    @Column(name = "district_code", nullable = false)
    private Set<String> districtCodes = new TreeSet<>();

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected Partner() {
    }

    Partner(String name, PartnerKind kind, String description, String contactEmail, String contactPhone,
            String districtCode) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        if (districtCode != null) {
            this.districtCodes.add(districtCode);
        }
        this.active = true;
    }

    /** An admin's description of the partner: everything but its kind and whether it is active. */
    void describe(String name, String description, String contactPerson, String contactEmail, String contactPhone,
            String address, Integer capacity, List<String> topics, List<String> districts) {
        this.name = name;
        this.description = description;
        this.contactPerson = contactPerson;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.address = address;
        this.capacity = capacity;
        this.topicCodes.clear();
        this.topicCodes.addAll(topics);
        this.districtCodes.clear();
        this.districtCodes.addAll(districts);
    }

    /** Retired: no longer offered for new links; a volunteer's contact data is removed (ADR 0039). */
    void retire() {
        this.active = false;
        if (kind == PartnerKind.VOLUNTEER) {
            this.contactPerson = null;
            this.contactEmail = null;
            this.contactPhone = null;
            this.address = null;
        }
    }

    /** Whether it serves a case of this topic in this district (a null code: the case does not say). */
    boolean serves(String topicCode, String districtCode) {
        return (topicCodes.isEmpty() || topicCode == null || topicCodes.contains(topicCode))
                && (districtCodes.isEmpty() || districtCode == null || districtCodes.contains(districtCode));
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    PartnerKind getKind() {
        return kind;
    }

    String getDescription() {
        return description;
    }

    String getContactPerson() {
        return contactPerson;
    }

    String getContactEmail() {
        return contactEmail;
    }

    String getContactPhone() {
        return contactPhone;
    }

    String getAddress() {
        return address;
    }

    Integer getCapacity() {
        return capacity;
    }

    List<String> getTopicCodes() {
        return List.copyOf(new TreeSet<>(topicCodes));
    }

    List<String> getDistrictCodes() {
        return List.copyOf(new TreeSet<>(districtCodes));
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }

    PartnerView toView() {
        return new PartnerView(id, name, kind, description, contactPerson, contactEmail, contactPhone, address,
                capacity, getTopicCodes(), getDistrictCodes(), active, version);
    }
}
