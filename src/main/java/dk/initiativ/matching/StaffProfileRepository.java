package dk.initiativ.matching;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface StaffProfileRepository extends JpaRepository<StaffProfile, Long> {

    @EntityGraph(attributePaths = {"team", "competences", "absences"})
    Optional<StaffProfile> findByUserId(String userId);

    /**
     * The profile with its row locked until the transaction ends: an admin's change reads the periods (to refuse an
     * overlap) and writes after this, so two admins changing one person take turns and neither change is lost.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from StaffProfile p where p.userId = :userId")
    Optional<StaffProfile> lockByUserId(@Param("userId") String userId);

    @EntityGraph(attributePaths = {"team", "competences", "absences"})
    List<StaffProfile> findByTeamCodeOrderByDisplayNameAsc(String teamCode);

    @EntityGraph(attributePaths = {"team", "competences", "absences"})
    List<StaffProfile> findAllByOrderByDisplayNameAsc();
}
