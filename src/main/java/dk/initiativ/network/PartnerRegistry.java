package dk.initiativ.network;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of partners, associations, volunteers and premises that initiatives can be linked to. */
@Service
@Transactional(readOnly = true)
public class PartnerRegistry {

    private final PartnerRepository partners;

    PartnerRegistry(PartnerRepository partners) {
        this.partners = partners;
    }

    /** The active partners, by name. */
    public List<PartnerView> list() {
        return partners.findByActiveTrueOrderByNameAsc().stream().map(Partner::toView).toList();
    }

    /** The active partners of one kind, by name. */
    public List<PartnerView> byKind(PartnerKind kind) {
        return partners.findByActiveTrueAndKindOrderByNameAsc(kind).stream().map(Partner::toView).toList();
    }

    /** Every partner of one kind (or of all kinds when null), retired ones included, by kind and name. */
    public List<PartnerView> all(PartnerKind kind) {
        return (kind == null ? partners.findAllByOrderByKindAscNameAsc() : partners.findByKindOrderByNameAsc(kind))
                .stream().map(Partner::toView).toList();
    }

    /** A partner by id, inactive ones included (a case may refer to a partner that has since left the registry). */
    public Optional<PartnerView> find(long id) {
        return partners.findById(id).map(Partner::toView);
    }
}
