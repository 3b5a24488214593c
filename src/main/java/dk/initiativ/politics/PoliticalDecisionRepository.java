package dk.initiativ.politics;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PoliticalDecisionRepository extends JpaRepository<PoliticalDecision, Long> {

    /** The case's latest forwarding: the open one if there is one (there is at most one). */
    Optional<PoliticalDecision> findFirstByInitiativeIdOrderByIdDesc(Long initiativeId);
}
