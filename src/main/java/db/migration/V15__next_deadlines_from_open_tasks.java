package db.migration;

import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code initiative.next_due_at} (V14) for the cases that are open when the inbox arrives, from the
 * engine's open tasks. On a new database Camunda has no tables yet (or no tasks): nothing to fill. A Java
 * migration because plain SQL cannot ask whether Camunda's table exists first.
 */
public class V15__next_deadlines_from_open_tasks extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            try (ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_name IN ('ACT_RU_TASK', 'ACT_RU_EXECUTION')")) {
                if (!tables.next() || tables.getInt(1) < 2) {
                    return;
                }
            }
            statement.executeUpdate("""
                    UPDATE initiative i
                    JOIN (SELECT e.BUSINESS_KEY_ AS case_number, MIN(t.DUE_DATE_) AS due
                            FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
                           WHERE e.BUSINESS_KEY_ IS NOT NULL
                           GROUP BY e.BUSINESS_KEY_) d ON d.case_number = i.case_number
                    SET i.next_due_at = d.due""");
        }
    }
}
