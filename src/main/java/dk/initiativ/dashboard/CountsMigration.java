package dk.initiativ.dashboard;

import java.sql.Connection;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway migration that builds some of the dashboard's counts anew from the rows (V47, V49, V55, V57, V61, V65): a
 * Spring bean, so that it gets the municipality's working time, with its version and description as given (the
 * description is what {@code flyway_schema_history} holds for the migrations already applied, so it must not change).
 */
abstract class CountsMigration extends BaseJavaMigration {

    /** What the migration runs on Flyway's connection. */
    @FunctionalInterface
    interface Rebuild {

        void run(Connection connection, WorkingTime workingTime) throws Exception;
    }

    private final MigrationVersion version;
    private final String description;
    private final WorkingTime workingTime;
    private final Rebuild rebuild;

    CountsMigration(String version, String description, WorkingTime workingTime, Rebuild rebuild) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.workingTime = workingTime;
        this.rebuild = rebuild;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public void migrate(Context context) throws Exception {
        rebuild.run(context.getConnection(), workingTime);
    }
}
