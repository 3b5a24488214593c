package dk.initiativ.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TopicRepository extends JpaRepository<Topic, String> {

    List<Topic> findByActiveTrue();

    boolean existsByCodeAndActiveTrue(String code);

    /** Whether another topic (not {@code code}) has this Danish name, whatever its case. */
    @Query("SELECT COUNT(t) > 0 FROM Topic t WHERE LOWER(t.nameDa) = LOWER(:name) AND t.code <> :code")
    boolean danishNameTaken(@Param("name") String name, @Param("code") String code);

    /** Whether another topic (not {@code code}) has this English name, whatever its case. */
    @Query("SELECT COUNT(t) > 0 FROM Topic t WHERE LOWER(t.nameEn) = LOWER(:name) AND t.code <> :code")
    boolean englishNameTaken(@Param("name") String name, @Param("code") String code);
}
