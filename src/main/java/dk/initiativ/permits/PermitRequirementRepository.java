package dk.initiativ.permits;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PermitRequirementRepository extends JpaRepository<PermitRequirement, Long> {

    /** The requirement with its row locked for the rest of the transaction: two deciders queue up. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PermitRequirement p where p.id = :id")
    Optional<PermitRequirement> findForDecision(@Param("id") long id);

    List<PermitRequirement> findByInitiativeIdOrderByIdAsc(Long initiativeId);

    @Query("select p.id from PermitRequirement p where p.initiativeId = :initiativeId"
            + " and p.status = dk.initiativ.permits.PermitStatus.REQUIRED order by p.id")
    List<Long> findOpenIds(@Param("initiativeId") Long initiativeId);
}
