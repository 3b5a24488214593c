package dk.initiativ.citizen;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseSurveyRepository extends JpaRepository<CaseSurvey, Long> {

    Optional<CaseSurvey> findByInitiativeId(Long initiativeId);
}
