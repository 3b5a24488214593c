package dk.initiativ.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByCode(String code);

    boolean existsByCode(String code);

    List<Team> findAllByOrderByNameAsc();

    /** Whether another team (not {@code code}) has this name, whatever its case. */
    @Query("SELECT COUNT(t) > 0 FROM Team t WHERE LOWER(t.name) = LOWER(:name) AND t.code <> :code")
    boolean nameTaken(@Param("name") String name, @Param("code") String code);
}
