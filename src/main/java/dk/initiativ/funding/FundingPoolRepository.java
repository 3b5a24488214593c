package dk.initiativ.funding;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface FundingPoolRepository extends JpaRepository<FundingPool, Long> {

    Optional<FundingPool> findByCode(String code);

    boolean existsByCode(String code);

    List<FundingPool> findAllByOrderByNameAsc();
}
