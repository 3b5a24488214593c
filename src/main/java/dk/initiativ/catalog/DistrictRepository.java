package dk.initiativ.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DistrictRepository extends JpaRepository<District, String> {

    List<District> findByActiveTrue();

    boolean existsByCodeAndActiveTrue(String code);
}
