package dk.initiativ.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TeamRepository extends JpaRepository<Team, Long> {

    Optional<Team> findByCode(String code);

    boolean existsByCode(String code);

    List<Team> findAllByOrderByNameAsc();
}
