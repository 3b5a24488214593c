package dk.initiativ.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A registry partner linked to a case, once per case and partner. */
@Entity
class PartnerLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Long initiativeId;

    @Column(nullable = false, updatable = false)
    private Long partnerId;

    @Column(updatable = false)
    private String note;

    @Column(nullable = false, updatable = false)
    private String linkedBy;

    @Column(nullable = false, updatable = false)
    private Instant linkedAt;

    protected PartnerLink() {
    }

    PartnerLink(Long initiativeId, Long partnerId, String note, String linkedBy, Instant linkedAt) {
        this.initiativeId = initiativeId;
        this.partnerId = partnerId;
        this.note = note;
        this.linkedBy = linkedBy;
        this.linkedAt = linkedAt;
    }

    Long getPartnerId() {
        return partnerId;
    }

    PartnerLinkView toView(Partner partner) {
        String contact = partner.getContactEmail() != null ? partner.getContactEmail() : partner.getContactPhone();
        return new PartnerLinkView(partner.getName(), partner.getKind(), contact, note, linkedBy, linkedAt);
    }
}
