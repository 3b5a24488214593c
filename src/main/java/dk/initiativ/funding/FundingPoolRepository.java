package dk.initiativ.funding;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FundingPoolRepository extends JpaRepository<FundingPool, Long> {

    Optional<FundingPool> findByCode(String code);

    boolean existsByCode(String code);

    List<FundingPool> findAllByOrderByNameAsc();

    /** Whether another pool than {@code id} (any pool for a null id) has this name, ignoring case. */
    @Query("select count(p) from FundingPool p where upper(p.name) = upper(:name) and (:id is null or p.id <> :id)")
    long countNameTaken(@Param("name") String name, @Param("id") Long id);

    default boolean nameTaken(String name, Long id) {
        return countNameTaken(name, id) > 0;
    }

    /**
     * The pool with its row locked until the transaction ends ({@code SELECT ... FOR UPDATE}): a budget change
     * reads the budget and what is granted, and no grant or other budget change can come between the reading and
     * the writing.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from FundingPool p where p.id = :id")
    Optional<FundingPool> lockById(@Param("id") long id);

    /**
     * Draws {@code amount} from the pool's budget left in one conditional update, atomically: the row lock
     * of the update makes a concurrent grant wait, and it then sees the budget this one left. Answers the
     * rows changed: 1, or 0 when the budget left does not cover the amount (nothing changed then).
     * Entities of the pool loaded earlier in the transaction keep their old budget; read it with
     * {@link #budgetLeft}.
     */
    @Modifying(flushAutomatically = true)
    @Query("update FundingPool p set p.budgetLeft = p.budgetLeft - :amount, p.version = p.version + 1"
            + " where p.id = :id and p.budgetLeft >= :amount")
    int drawDown(@Param("id") long id, @Param("amount") BigDecimal amount);

    /** The pool's budget left as the database has it now (not as a loaded entity remembers it). */
    @Query("select p.budgetLeft from FundingPool p where p.id = :id")
    Optional<BigDecimal> budgetLeft(@Param("id") long id);
}
