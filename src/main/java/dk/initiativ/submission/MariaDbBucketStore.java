package dk.initiativ.submission;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's JDBC backend (its select-for-update protocol from {@code bucket4j_jdk17-core}) on MariaDB, table
 * {@code bucket4j_buckets} (Flyway V35): the row of a bucket is inserted if missing ({@code INSERT IGNORE}), locked
 * ({@code SELECT ... FOR UPDATE}), changed and committed in a short transaction on a connection of its own, so every
 * node takes its tokens from the same row.
 * <p>
 * Bucket4j's own MySQL module ({@code bucket4j_jdk17-mysql}) runs the same statements but catches a class of
 * MySQL's Connector/J, so with MariaDB's driver it fails with {@code NoClassDefFoundError}, and it was last published
 * for 8.15 (ADR 0034). This class is the small part of it that MariaDB needs, with MariaDB's standard
 * {@link SQLTransactionRollbackException} for a deadlock on the insert (Bucket4j then tries again).
 */
final class MariaDbBucketStore extends AbstractSelectForUpdateBasedProxyManager<String> {

    static final String TABLE = "bucket4j_buckets";

    private static final String INSERT = "INSERT IGNORE INTO " + TABLE + " (id, state, expires_at) VALUES (?, NULL, NULL)";
    private static final String LOCK = "SELECT state FROM " + TABLE + " WHERE id = ? FOR UPDATE";
    private static final String UPDATE = "UPDATE " + TABLE + " SET state = ?, expires_at = ? WHERE id = ?";
    private static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM " + TABLE + " WHERE expires_at < ? ORDER BY expires_at LIMIT ?";

    private final DataSource dataSource;

    MariaDbBucketStore(DataSource dataSource, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
    }

    /** Deletes at most {@code batch} buckets whose {@code expires_at} passed (full again); returns how many. */
    int removeExpired(int batch) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setLong(1, System.currentTimeMillis());
            delete.setInt(2, batch);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setString(1, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {

            @Override
            public void begin(Optional<Long> requestTimeout) {
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> requestTimeout) {
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    applyTimeout(insert, requestTimeout);
                    insert.setString(1, key);
                    insert.executeUpdate();
                    return true;
                } catch (SQLTransactionRollbackException deadlock) {
                    return false;
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> requestTimeout) {
                try (PreparedStatement select = connection.prepareStatement(LOCK)) {
                    applyTimeout(select, requestTimeout);
                    select.setString(1, key);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? LockAndGetResult.locked(row.getBytes("state")) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState newState, Optional<Long> requestTimeout) {
                try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                    applyTimeout(update, requestTimeout);
                    update.setBytes(1, data);
                    Optional<Long> expiresAt = getClientSideConfig().getExpirationAfterWriteStrategy()
                            .map(strategy -> System.currentTimeMillis()
                                    + strategy.calculateTimeToLiveMillis(newState, currentTimeNanos()));
                    if (expiresAt.isPresent()) {
                        update.setLong(2, expiresAt.get());
                    } else {
                        update.setNull(2, java.sql.Types.BIGINT);
                    }
                    update.setString(3, key);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> requestTimeout) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void release() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }
        };
    }
}
