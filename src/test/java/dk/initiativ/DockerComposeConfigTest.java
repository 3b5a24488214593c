package dk.initiativ;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * Checks docker-compose.yml with Docker's own client ({@code docker compose config}), without a Docker
 * engine. Skipped, with a message, where no Compose client is installed. Uses {@code docker compose}
 * (v2) and falls back to a standalone {@code docker-compose} (v2, or Debian's v1, which has no JSON
 * output: its YAML is read instead).
 */
class DockerComposeConfigTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final long TIMEOUT_SECONDS = 30;

    @Test
    void composeFileIsValid() throws Exception {
        List<String> compose = composeClient();
        Result result = run(concat(compose, "-f", COMPOSE_FILE, "config", "-q"));
        assertThat(result.exitCode())
                .as("%s config -q failed:%n%s", String.join(" ", compose), result.stderr())
                .isZero();
    }

    @Test
    void composeWiresTheApplicationToMariaDbAndKeycloak() throws Exception {
        List<String> compose = composeClient();
        boolean json = supportsJsonFormat(compose);
        Result result = json
                ? run(concat(compose, "-f", COMPOSE_FILE, "config", "--format", "json"))
                : run(concat(compose, "-f", COMPOSE_FILE, "config"));
        assertThat(result.exitCode()).as("compose config failed:%n%s", result.stderr()).isZero();

        ObjectMapper mapper = json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        JsonNode services = mapper.readTree(result.stdout()).path("services");
        assertThat(services.has("mariadb")).as("service mariadb").isTrue();
        assertThat(services.has("keycloak")).as("service keycloak").isTrue();
        assertThat(services.has("app")).as("service app").isTrue();

        Map<String, String> appEnv = environment(services.path("app"));
        assertThat(appEnv.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:mariadb://mariadb:3306/");
        assertThat(appEnv.get("SPRING_PROFILES_ACTIVE")).isEqualTo("keycloak,production");
        assertThat(appEnv.get("INITIATIV_KEYCLOAK_INTERNAL_URL")).isEqualTo("http://keycloak:8080");
        assertThat(appEnv.get("INITIATIV_KEYCLOAK_CLIENT_SECRET"))
                .as("the app and the realm import share the client secret")
                .isEqualTo(environment(services.path("keycloak")).get("INITIATIV_CLIENT_SECRET"));

        JsonNode keycloak = services.path("keycloak");
        assertThat(keycloak.path("command").toString()).contains("--import-realm");
        List<String[]> mounts = volumes(keycloak);
        assertThat(mounts)
                .as("keycloak mounts ./keycloak at /opt/keycloak/data/import: %s", keycloak.path("volumes"))
                .anySatisfy(mount -> {
                    assertThat(Path.of(mount[0]).normalize()).isEqualTo(PROJECT.resolve("keycloak").normalize());
                    assertThat(mount[1]).isEqualTo("/opt/keycloak/data/import");
                });

        assertThat(volumes(services.path("mariadb")))
                .as("mariadb runs keycloak/mariadb-init.sql at its first start: %s",
                        services.path("mariadb").path("volumes"))
                .anySatisfy(mount -> {
                    assertThat(Path.of(mount[0]).normalize())
                            .isEqualTo(PROJECT.resolve("keycloak/mariadb-init.sql").normalize());
                    assertThat(mount[1]).startsWith("/docker-entrypoint-initdb.d/");
                });
    }

    /** The environment as a map; Compose prints a map, but accept the list form too. */
    private static Map<String, String> environment(JsonNode service) {
        JsonNode env = service.path("environment");
        Map<String, String> result = new HashMap<>();
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        } else if (env.isArray()) {
            env.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                result.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return result;
    }

    /** Each mount as {source, target}: the long form (Compose v2) or "source:target[:mode]" (v1). */
    private static List<String[]> volumes(JsonNode service) {
        List<String[]> result = new ArrayList<>();
        service.path("volumes").forEach(volume -> {
            if (volume.isObject()) {
                result.add(new String[] {volume.path("source").asText(), volume.path("target").asText()});
            } else {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2) {
                    result.add(new String[] {parts[0], parts[1]});
                }
            }
        });
        return result;
    }

    private static List<String> composeClient() throws InterruptedException {
        Optional<List<String>> client = Stream.of(List.of("docker", "compose"), List.of("docker-compose"))
                .filter(candidate -> onPath(candidate.get(0)))
                .filter(DockerComposeConfigTest::answersVersion)
                .findFirst();
        assumeTrue(client.isPresent(),
                "No Docker Compose client (neither `docker compose` nor `docker-compose`) on the PATH: "
                        + "docker-compose.yml not checked");
        return client.get();
    }

    private static boolean answersVersion(List<String> compose) {
        try {
            return run(concat(compose, "version")).exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Compose v2 prints "v2.x" or "2.x" for --short; v1 has no --format json. */
    private static boolean supportsJsonFormat(List<String> compose) throws IOException, InterruptedException {
        Result version = run(concat(compose, "version", "--short"));
        String v = version.stdout().trim();
        return version.exitCode() == 0 && !v.startsWith("1.");
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> command = new ArrayList<>(head);
        command.addAll(List.of(tail));
        return command;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs in the project folder with output in files (no pipe can fill up), killed after 30 s. */
    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("compose-out", ".txt");
        Path err = Files.createTempFile("compose-err", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(PROJECT.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish within "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
