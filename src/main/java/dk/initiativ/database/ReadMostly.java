package dk.initiativ.database;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few small tables that pages and checks read on every request and admins change a few times a year (the topics
 * and districts, the departments and permit types): read whole in one read-only transaction and kept in this node's
 * memory for a configured time (a Caffeine cache of one entry), so that a request sends no statement for them.
 * <p>
 * Whoever changes the tables calls {@link #changed()}: this node reads them again at the next call. Other nodes keep
 * what they read until their time runs out (nothing that matters lives only in one node's memory: the tables do).
 *
 * @param <T> what is kept: an immutable picture of the tables, detached from JPA
 */
public final class ReadMostly<T> {

    private final LoadingCache<Boolean, T> snapshot;

    /**
     * @param keepFor      how long a node keeps what it read (another node's change is seen within this time)
     * @param transactions the transaction manager the tables are read in (read-only)
     * @param read         reads the tables; called at most once per {@code keepFor} unless {@link #changed()}
     */
    public ReadMostly(Duration keepFor, PlatformTransactionManager transactions, Supplier<T> read) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        this.snapshot = Caffeine.newBuilder()
                .expireAfterWrite(keepFor)
                .build(key -> readOnly.execute(status -> read.get()));
    }

    /** What was read, read now if nothing is kept. */
    public T current() {
        return snapshot.get(Boolean.TRUE);
    }

    /**
     * Forgets what was read, so that the next call reads the tables again: call it after changing them. Inside a
     * transaction it forgets again when the transaction ends, so that a read between the change and its commit
     * cannot keep the old rows (nor, after a rollback, rows that were never committed).
     */
    public void changed() {
        snapshot.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    snapshot.invalidateAll();
                }
            });
        }
    }
}
