package dk.initiativ.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One MariaDB server from Debian's package in a data folder of its own, configured as the README's "Several nodes"
 * section says the application needs it ({@code utf8mb4_bin}, {@code READ-COMMITTED}, {@code max-allowed-packet=64M}),
 * with the application's database and user created empty. Started and stopped by {@link Cluster}.
 */
final class MariaDb {

    private final Cluster cluster;
    private final int port;
    private Path dataDir;
    private Process process;

    MariaDb(Cluster cluster, int port) {
        this.cluster = cluster;
        this.port = port;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + Cluster.DB;
    }

    /** A connection to the application's database, as the application's user. */
    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), Cluster.DB_USER, Cluster.DB_PASSWORD);
    }

    void start() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        dataDir = Files.createTempDirectory("initiativ-cluster-mariadb-" + port + "-");
        if (root) {
            // mariadbd refuses to run as root: it drops to the package's mysql user, which must own the folder
            cluster.run(List.of("chown", "mysql:mysql", dataDir.toString()));
        }
        List<String> install = new ArrayList<>(List.of("mariadb-install-db", "--no-defaults",
                "--datadir=" + dataDir.resolve("data"), "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (root) {
            install.add("--user=mysql");
        }
        cluster.run(install);
        List<String> server = new ArrayList<>(List.of("/usr/sbin/mariadbd", "--no-defaults",
                "--datadir=" + dataDir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dataDir.resolve("mysqld.sock"), "--pid-file=" + dataDir.resolve("mysqld.pid"),
                "--skip-log-bin", "--log-error=" + dataDir.resolve("error.log"),
                // what the application needs from its database (README "Several nodes")
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin",
                "--transaction-isolation=READ-COMMITTED", "--max-allowed-packet=64M",
                "--innodb-buffer-pool-size=256M"));
        if (root) {
            server.add("--user=mysql");
        }
        process = cluster.start("mariadb-" + port, server, Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "")) {
                try (Statement s = c.createStatement()) {
                    // the README: an empty database in utf8mb4 / utf8mb4_bin and the application's user
                    s.execute("CREATE DATABASE " + Cluster.DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    for (String host : List.of("127.0.0.1", "localhost")) {
                        s.execute("CREATE USER '" + Cluster.DB_USER + "'@'" + host + "' IDENTIFIED BY '"
                                + Cluster.DB_PASSWORD + "'");
                        s.execute("GRANT ALL ON " + Cluster.DB + ".* TO '" + Cluster.DB_USER + "'@'" + host + "'");
                    }
                }
                return;
            } catch (SQLException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB did not start; see " + dataDir.resolve("error.log"), notYet);
                }
                Thread.sleep(300);
            }
        }
    }

    /** Stops the server (after the nodes) and deletes its data folder. */
    void stop() {
        if (process != null) {
            Cluster.stop(process);
            process = null;
        }
        if (dataDir != null) {
            try {
                Cluster.deleteRecursively(dataDir);
            } catch (IOException e) {
                Cluster.log("could not delete %s: %s", dataDir, e);
            }
            dataDir = null;
        }
    }
}
