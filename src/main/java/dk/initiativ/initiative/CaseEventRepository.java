package dk.initiativ.initiative;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

    List<CaseEvent> findByInitiativeIdOrderByOccurredAtAscIdAsc(Long initiativeId);

    Optional<CaseEvent> findFirstByInitiativeIdAndTypeOrderByOccurredAtDescIdDesc(Long initiativeId,
            CaseEventType type);
}
