package dk.initiativ.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A partner, association, volunteer group or premises in the registry that contact persons link to
 * initiatives. The district (a catalog code) is where it works; none means the whole municipality.
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

    private String contactEmail;

    private String contactPhone;

    private String districtCode;

    @Column(nullable = false)
    private boolean active;

    protected Partner() {
    }

    Partner(String name, PartnerKind kind, String description, String contactEmail, String contactPhone,
            String districtCode) {
        this.name = name;
        this.kind = kind;
        this.description = description;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.districtCode = districtCode;
        this.active = true;
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

    String getContactEmail() {
        return contactEmail;
    }

    String getContactPhone() {
        return contactPhone;
    }

    String getDistrictCode() {
        return districtCode;
    }

    boolean isActive() {
        return active;
    }

    PartnerView toView() {
        return new PartnerView(id, name, kind, description, contactEmail, contactPhone, districtCode);
    }
}
