package dk.initiativ.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Keycloak server for the test run, started at most once per JVM and stopped by a shutdown hook.
 *
 * <p>Keycloak is the dist unpacked by the {@code unpack-keycloak} Maven execution; surefire passes its
 * folder as {@code keycloak.home} and the folder of the realm JSON as {@code keycloak.realm.dir}.
 * It runs {@code kc.sh start-dev --import-realm} on a free port with a fresh H2 database, so the realm
 * is imported anew on every run. A second free port is reserved for the application under test
 * ({@link #appPort()}); the realm's redirect URIs point at it through {@code APP_BASE_URL}.
 *
 * <p>Call {@link #startInBackground()} early to overlap the start (20-60 s) with other work, and
 * {@link #get()} where the server is needed: it blocks until the realm answers.
 */
public final class KeycloakTestServer {

    public static final String REALM = "initiativ";
    public static final String CLIENT_ID = "initiativ-app";
    public static final String CLIENT_SECRET = "initiativ-dev-secret";
    public static final String ADMIN_USERNAME = "kc-admin";
    public static final String ADMIN_PASSWORD = "kc-admin-password";
    /** Password of every demo user in the realm. */
    public static final String DEMO_PASSWORD = "initiativ-demo";

    private static final String KEYCLOAK_VERSION = "26.4.5";
    /** 4 minutes; the cluster test gives it longer ({@code keycloak.start-timeout-seconds}) on a busy machine. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("keycloak.start-timeout-seconds", 240));
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int LOG_TAIL_LINES = 80;

    private static final Object LOCK = new Object();
    private static KeycloakTestServer instance;

    private final Path home;
    private final Path logFile;
    private final int port;
    private final int appPort;
    private final long launchedAt = System.nanoTime();
    private final CompletableFuture<Duration> ready = new CompletableFuture<>();
    private volatile Process process;

    private KeycloakTestServer(Path home, Path logFile, int port, int appPort) {
        this.home = home;
        this.logFile = logFile;
        this.port = port;
        this.appPort = appPort;
    }

    /** Starts Keycloak without waiting for it, unless it is already started or starting. */
    public static void startInBackground() {
        instance();
    }

    /** Returns the running server, starting it first if needed and waiting until the realm answers. */
    public static KeycloakTestServer get() {
        KeycloakTestServer server = instance();
        server.awaitReady();
        return server;
    }

    private static KeycloakTestServer instance() {
        synchronized (LOCK) {
            if (instance == null) {
                instance = launch();
            }
            return instance;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public String realm() {
        return REALM;
    }

    public String issuerUri() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenUri() {
        return issuerUri() + "/protocol/openid-connect/token";
    }

    public String clientId() {
        return CLIENT_ID;
    }

    public String clientSecret() {
        return CLIENT_SECRET;
    }

    /** Bootstrap administrator of the master realm. */
    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** The port reserved for the application under test; the realm's redirect URIs point at it. */
    public int appPort() {
        return appPort;
    }

    public String appBaseUrl() {
        return "http://localhost:" + appPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** How long Keycloak took from launch until the realm answered; blocks until ready. */
    public Duration startupTime() {
        awaitReady();
        return ready.join();
    }

    // ---------------------------------------------------------------------------------------------

    private static KeycloakTestServer launch() {
        Path projectDir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path home = Path.of(System.getProperty("keycloak.home",
                projectDir.resolve(".initiativ/keycloak/keycloak-" + KEYCLOAK_VERSION).toString())).toAbsolutePath();
        Path realmDir = Path.of(System.getProperty("keycloak.realm.dir",
                projectDir.resolve("keycloak").toString())).toAbsolutePath();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new IllegalStateException("Keycloak not found at " + kcSh
                    + "; unpack it with: ./mvnw -B -q dependency:unpack@unpack-keycloak");
        }
        Path logFile = projectDir.resolve("target/keycloak.log");

        // keycloak.port and keycloak.app-port choose the ports (the cluster test takes its own fixed ones)
        int[] ports = freePorts(2);
        KeycloakTestServer server = new KeycloakTestServer(home, logFile,
                Integer.getInteger("keycloak.port", ports[0]), Integer.getInteger("keycloak.app-port", ports[1]));
        try {
            server.prepareDataDir(realmDir);
            Files.createDirectories(logFile.getParent());
            server.startProcess(kcSh);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-test-server-stop"));
        Thread watcher = new Thread(server::awaitRealm, "keycloak-test-server-ready");
        watcher.setDaemon(true);
        watcher.start();
        return server;
    }

    /** Opens all sockets before closing any, so the ports differ from each other. */
    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /**
     * start-dev keeps its H2 database in data/h2, and --import-realm skips a realm that already exists:
     * delete it so the realm (with this run's redirect URIs) is imported fresh.
     */
    private void prepareDataDir(Path realmDir) throws IOException {
        Path data = home.resolve("data");
        deleteRecursively(data.resolve("h2"));
        Path importDir = data.resolve("import");
        deleteRecursively(importDir);
        Files.createDirectories(importDir);
        int copied = 0;
        try (DirectoryStream<Path> realms = Files.newDirectoryStream(realmDir, "*-realm.json")) {
            for (Path realmFile : realms) {
                Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("No *-realm.json in " + realmDir);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private void startProcess(Path kcSh) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(kcSh.toString(), "start-dev",
                "--http-port=" + port, "--import-realm",
                // as in docker-compose.yml: with brute-force detection on, Keycloak otherwise refuses a second
                // password check of a user while the first is running (user_temporarily_disabled), so two API
                // calls of one user with HTTP Basic at the same moment get a 401
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = builder.environment();
        // Keep the developer's own Keycloak/Quarkus/Java settings out of the test server.
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA_TOOL_OPTIONS")
                || name.equals("JDK_JAVA_OPTIONS") || name.equals("DEBUG") || name.equals("DEBUG_PORT"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // kc.sh's default options with a modest heap (setting JAVA_OPTS replaces all its defaults)
        env.put("JAVA_OPTS", "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
                + " -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom"
                + " -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8"
                + " -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("APP_BASE_URL", appBaseUrl());
        env.put("INITIATIV_CLIENT_SECRET", CLIENT_SECRET);
        process = builder.start();
        // kc.sh passes its stdin to Keycloak; close it so nothing waits on it.
        process.getOutputStream().close();
    }

    /** Runs on a daemon thread: polls the realm's discovery document until it answers 200. */
    private void awaitRealm() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuerUri() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = launchedAt + START_TIMEOUT.toNanos();
        try {
            while (true) {
                Process p = process;
                if (!p.isAlive()) {
                    fail("Keycloak exited with code " + p.exitValue() + " before the realm '" + REALM + "' was ready");
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("Keycloak did not serve the realm '" + REALM + "' within " + START_TIMEOUT.toSeconds() + " s");
                    stop();
                    return;
                }
                try {
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        Duration took = Duration.ofNanos(System.nanoTime() - launchedAt);
                        System.out.printf("Keycloak ready at %s after %.1f s (log: %s)%n",
                                baseUrl(), took.toMillis() / 1000.0, logFile);
                        ready.complete(took);
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while waiting for Keycloak");
        } catch (RuntimeException e) {
            ready.completeExceptionally(e);
        }
    }

    private void fail(String message) {
        ready.completeExceptionally(new IllegalStateException(
                message + " (port " + port + ", log " + logFile + "). Last lines of the log:\n" + logTail()));
    }

    private void awaitReady() {
        try {
            // The watcher enforces START_TIMEOUT from launch; the extra minute only guards against a stuck watcher.
            ready.get(START_TIMEOUT.plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // A new exception, so the stack trace shows the caller rather than the watcher thread
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out waiting for Keycloak. Last lines of " + logFile + ":\n" + logTail());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + logFile + ": " + e + ")";
        }
    }

    /** SIGTERM to kc.sh and everything it started, then SIGKILL to whatever is still alive after the grace period. */
    private synchronized void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        // Collect the descendants first: once kc.sh is gone they are no longer reachable from it.
        List<ProcessHandle> all = new ArrayList<>(p.descendants().toList());
        all.add(0, p.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                try {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    // killed below
                }
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.descendants().forEach(ProcessHandle::destroyForcibly);
                handle.destroyForcibly();
            }
        }
    }
}
