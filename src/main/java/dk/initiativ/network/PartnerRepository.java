package dk.initiativ.network;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PartnerRepository extends JpaRepository<Partner, Long> {

    List<Partner> findByActiveTrueOrderByNameAsc();

    List<Partner> findByActiveTrueAndKindOrderByNameAsc(PartnerKind kind);

    /** Every partner, retired ones included, by kind and name (the admin's list). */
    List<Partner> findAllByOrderByKindAscNameAsc();

    List<Partner> findByKindOrderByNameAsc(PartnerKind kind);

    /** Whether another partner than {@code id} (any for a null id) of this kind has this name, ignoring case. */
    @Query("select count(p) from Partner p where p.kind = :kind and upper(p.name) = upper(:name)"
            + " and (:id is null or p.id <> :id)")
    long countNameTaken(@Param("kind") PartnerKind kind, @Param("name") String name, @Param("id") Long id);

    default boolean nameTaken(PartnerKind kind, String name, Long id) {
        return countNameTaken(kind, name, id) > 0;
    }
}
