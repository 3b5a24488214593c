package dk.initiativ.initiative;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InitiativeRepository extends JpaRepository<Initiative, Long> {

    Optional<Initiative> findByCaseNumber(String caseNumber);

    Optional<Initiative> findByTrackingTokenHash(String trackingTokenHash);

    @Query(value = "SELECT NEXTVAL(case_number_seq)", nativeQuery = true)
    long nextCaseSequence();
}
