package dk.initiativ.intake;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface InformationRequestRepository extends JpaRepository<InformationRequest, Long> {

    Optional<InformationRequest> findFirstByInitiativeIdAndStatusOrderByAskedAtDesc(Long initiativeId,
            InformationRequest.Status status);

    List<InformationRequest> findByInitiativeIdOrderByAskedAtAscIdAsc(Long initiativeId);
}
