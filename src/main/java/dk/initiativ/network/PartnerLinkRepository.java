package dk.initiativ.network;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerLinkRepository extends JpaRepository<PartnerLink, Long> {

    boolean existsByInitiativeIdAndPartnerId(Long initiativeId, Long partnerId);

    boolean existsByPartnerId(Long partnerId);

    List<PartnerLink> findByInitiativeIdOrderByLinkedAtAscIdAsc(Long initiativeId);
}
