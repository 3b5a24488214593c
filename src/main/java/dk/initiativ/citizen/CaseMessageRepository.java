package dk.initiativ.citizen;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseMessageRepository extends JpaRepository<CaseMessage, Long> {

    List<CaseMessage> findByInitiativeIdOrderBySentAtAscIdAsc(Long initiativeId);
}
