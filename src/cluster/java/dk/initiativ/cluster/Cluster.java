package dk.initiativ.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dk.initiativ.support.KeycloakTestServer;

/**
 * The production stack on this machine, without Docker: MariaDB from Debian's package in a data folder of its own,
 * the Keycloak the tests use (realm from {@code keycloak/}), GreenMail as the SMTP server, two application nodes
 * from the production jar ({@code java -jar}, keycloak and production profiles, configured by environment exactly
 * as the README's "Several nodes" section says) and nginx round robin in front. {@link #close()} stops every
 * process it started, also when the start failed half-way; a JVM shutdown hook does the same.
 */
final class Cluster implements AutoCloseable {

    static final int MARIADB_PORT = 13306;
    static final int SMTP_PORT = 13025;
    static final int NODE_A = 18080;
    static final int NODE_B = 18081;
    static final String DB = "initiativ";
    static final String DB_USER = "initiativ";
    static final String DB_PASSWORD = "initiativ-cluster-db";
    static final String TRACKING_SECRET = "cluster-test-tracking-secret-0123456789abcdef";
    static final Duration NODE_START_TIMEOUT = Duration.ofMinutes(8);

    private final Path work;
    private final Path jar;
    private final List<Process> processes = new ArrayList<>();
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<MariaDb> databases = new ArrayList<>();
    private final Map<Integer, Path> nodeLogs = new LinkedHashMap<>();
    private MariaDb database;
    private GreenMail smtp;
    private KeycloakTestServer keycloak;
    private int publicPort;
    private String nginxTemplate;
    private final Thread hook = new Thread(this::close, "cluster-stop");

    Cluster(Path work, Path jar) {
        this.work = work;
        this.jar = jar;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    // --- start -------------------------------------------------------------------------------------------------

    void start() throws Exception {
        long started = System.nanoTime();
        startBase();
        // one node after the other: the first creates the schema, deploys the models and seeds the reference data
        startNode(NODE_A);
        awaitReady(NODE_A);
        startNode(NODE_B);
        awaitReady(NODE_B);
        startNginx(NODE_A, NODE_B);
        log("cluster up after %d s: nginx http://localhost:%d -> nodes %d, %d; MariaDB %d; SMTP %d; Keycloak %s",
                seconds(started), publicPort, NODE_A, NODE_B, MARIADB_PORT, SMTP_PORT, keycloak.baseUrl());
    }

    /** Keycloak, MariaDB on {@link #MARIADB_PORT} and GreenMail: everything but the nodes and nginx. */
    void startBase() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        // Keycloak takes longest: start it first and let the database come up meanwhile
        KeycloakTestServer.startInBackground();
        database = startDatabase(MARIADB_PORT);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        keycloak = KeycloakTestServer.get();
        // nginx listens on the port the realm's redirect URIs were made for (APP_BASE_URL of the test Keycloak)
        publicPort = keycloak.appPort();
    }

    /** A MariaDB server of its own on that port, with the application's database created empty. */
    MariaDb startDatabase(int port) throws Exception {
        MariaDb database = new MariaDb(this, port);
        synchronized (databases) {
            databases.add(database);
        }
        database.start();
        return database;
    }

    /** A connection to the application's database, for the checks. */
    Connection db() throws SQLException {
        return database.db();
    }

    MariaDb database() {
        return database;
    }

    /** The environment of a node: the README's "Several nodes" section, plus the test's short reminder. */
    Map<String, String> nodeEnvironment(int port, MariaDb on) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "keycloak,production");
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_DATASOURCE_URL", on.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", DB_USER);
        env.put("SPRING_DATASOURCE_PASSWORD", DB_PASSWORD);
        // nginx on the same host: its address is the trusted proxy
        env.put("SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES", "127\\.0\\.0\\.1");
        env.put("INITIATIV_KEYCLOAK_URL", keycloak.baseUrl());
        env.put("INITIATIV_KEYCLOAK_CLIENT_SECRET", keycloak.clientSecret());
        env.put("INITIATIV_TRACKING_SECRET", TRACKING_SECRET);
        env.put("INITIATIV_PUBLIC_URL", publicUrl());
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(SMTP_PORT));
        // the test's own settings: topics, districts and teams to submit to (no demo cases), the reminder to a
        // citizen who was asked a question due at once instead of after 7 working days, and a mail claimed by a
        // node that is then killed free again after 20 s instead of 5 min
        env.put("INITIATIV_DEMO_ENABLED", "true");
        env.put("INITIATIV_DEMO_CASES", "false");
        env.put("INITIATIV_DEADLINES_INFORMATION_REMINDER", "0");
        env.put("INITIATIV_MAIL_LEASE", "20s");
        env.put("INITIATIV_MAIL_POLL_INTERVAL", "1s");
        return env;
    }

    void startNode(int port) throws IOException {
        startNode(port, database, Map.of());
    }

    /** A node on that database, with the environment of {@link #nodeEnvironment} and the extra variables. */
    void startNode(int port, MariaDb on, Map<String, String> extra) throws IOException {
        String name = "node-" + port + (on.port() == MARIADB_PORT ? "" : "-db" + on.port());
        Map<String, String> env = nodeEnvironment(port, on);
        env.putAll(extra);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m", "-XX:+UseSerialGC", "-jar", jar.toString());
        Process process = start(name, command, env);
        nodes.put(port, process);
        nodeLogs.put(port, work.resolve(name + ".log"));
        log("node %d started on MariaDB %d (pid %d, log %s)", port, on.port(), process.pid(), nodeLogs.get(port));
    }

    /** SIGTERM, as an operator stops a node: requests in flight finish (graceful shutdown), then it exits. */
    void stopNode(int port) throws InterruptedException {
        Process node = nodes.remove(port);
        long stopping = System.nanoTime();
        stop(node);
        log("node %d stopped (SIGTERM) in %d s, exit %d", port, seconds(stopping), node.exitValue());
    }

    void awaitReady(int port) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + NODE_START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            Process node = nodes.get(port);
            if (node != null && !node.isAlive()) {
                throw new IllegalStateException("node " + port + " exited with " + node.exitValue() + "; log "
                        + nodeLogs.get(port) + ":\n" + tail(nodeLogs.get(port)));
            }
            try {
                HttpResponse<String> answer = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    log("node %d ready after %d s", port, seconds(started));
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + port + " not ready within " + NODE_START_TIMEOUT + ":\n"
                + tail(nodeLogs.get(port)));
    }

    /** kill -9: the node gets no chance to finish anything. */
    void kill(int port) throws InterruptedException {
        Process node = nodes.get(port);
        node.destroyForcibly();
        node.waitFor();
        log("node %d killed (SIGKILL), exit %d", port, node.exitValue());
    }

    /** nginx round robin over those nodes (a port twice is allowed: one node behind the same proxy). */
    void startNginx(int... upstreams) throws Exception {
        Path dir = work.resolve("nginx");
        Files.createDirectories(dir);
        String config;
        try (InputStream in = Cluster.class.getResourceAsStream("/cluster-nginx.conf")) {
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        nginxTemplate = config;
        Path file = writeNginxConfig(upstreams);
        start("nginx", List.of("/usr/sbin/nginx", "-c", file.toString(), "-p", dir.toString()), Map.of());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(publicUrl() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("nginx did not answer; see " + dir.resolve("error.log"));
    }

    /** Points nginx at other nodes without a restart ({@code nginx -s reload}: new workers take the new upstream). */
    void useNodes(int... upstreams) throws Exception {
        Path file = writeNginxConfig(upstreams);
        Path log = work.resolve("nginx-reload.log");
        Process reload = new ProcessBuilder("/usr/sbin/nginx", "-c", file.toString(), "-p", work.resolve("nginx").toString(),
                "-s", "reload").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (reload.waitFor() != 0) {
            throw new IllegalStateException("nginx -s reload failed:\n" + tail(log));
        }
        // the old worker finishes its connections; give the new one a moment
        Thread.sleep(1500);
        log("nginx now in front of %s", java.util.Arrays.toString(upstreams));
    }

    private Path writeNginxConfig(int... upstreams) throws IOException {
        Path dir = work.resolve("nginx");
        String config = nginxTemplate.replace("@DIR@", dir.toString()).replace("@PORT@", String.valueOf(publicPort))
                .replace("@NODE_A@", String.valueOf(upstreams[0]))
                .replace("@NODE_B@", String.valueOf(upstreams[upstreams.length - 1]));
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, config);
        return file;
    }

    // --- accessors ---------------------------------------------------------------------------------------------

    String publicUrl() {
        return "http://localhost:" + publicPort;
    }

    KeycloakTestServer keycloak() {
        return keycloak;
    }

    GreenMail smtp() {
        return smtp;
    }

    // --- processes ---------------------------------------------------------------------------------------------

    Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("INITIATIV_")
                || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        synchronized (processes) {
            processes.add(process);
        }
        return process;
    }

    void run(List<String> command) throws IOException, InterruptedException {
        Path log = work.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + tail(log));
        }
    }

    /** Stops everything this harness started: nginx, the nodes, MariaDB (SIGTERM, then SIGKILL), GreenMail. */
    @Override
    public void close() {
        List<Process> all;
        synchronized (processes) {
            all = new ArrayList<>(processes);
            processes.clear();
        }
        // the latest first: nginx, the nodes, then the database
        for (int i = all.size() - 1; i >= 0; i--) {
            stop(all.get(i));
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        List<MariaDb> servers;
        synchronized (databases) {
            servers = new ArrayList<>(databases);
            databases.clear();
        }
        servers.forEach(MariaDb::stop);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e + ")";
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static long seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
    }

    static void log(String format, Object... args) {
        System.out.printf("[cluster] " + format + "%n", args);
    }
}
