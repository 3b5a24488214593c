package dk.initiativ.funding;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FundingApplicationRepository extends JpaRepository<FundingApplication, Long> {

    /**
     * The application with its row locked for the rest of the transaction: two officers deciding the same
     * application at once queue up, and the second sees the first one's decision.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from FundingApplication a where a.id = :id")
    Optional<FundingApplication> findForDecision(@Param("id") long id);

    boolean existsByInitiativeIdAndPoolId(Long initiativeId, Long poolId);

    List<FundingApplication> findByInitiativeIdOrderByProposedAtAscIdAsc(Long initiativeId);
}
