package dk.initiativ.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementRepository extends JpaRepository<Agreement, Long> {

    Optional<Agreement> findByInitiativeId(Long initiativeId);
}
