package dk.initiativ.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface StaffProfileRepository extends JpaRepository<StaffProfile, Long> {

    @EntityGraph(attributePaths = {"team", "competences"})
    Optional<StaffProfile> findByUserId(String userId);

    @EntityGraph(attributePaths = {"team", "competences"})
    List<StaffProfile> findByTeamCodeOrderByDisplayNameAsc(String teamCode);

    @EntityGraph(attributePaths = {"team", "competences"})
    List<StaffProfile> findAllByOrderByDisplayNameAsc();

    boolean existsByUserId(String userId);
}
