package dk.initiativ.network;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerRepository extends JpaRepository<Partner, Long> {

    List<Partner> findByActiveTrueOrderByNameAsc();

    List<Partner> findByActiveTrueAndKindOrderByNameAsc(PartnerKind kind);

    boolean existsByName(String name);
}
