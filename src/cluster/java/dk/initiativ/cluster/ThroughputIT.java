package dk.initiativ.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static dk.initiativ.cluster.Cluster.NODE_A;
import static dk.initiativ.cluster.Cluster.NODE_B;
import static dk.initiativ.cluster.Cluster.log;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes against one, in submissions per second through nginx (issue 14; {@code docs/benchmarks.md}, "Two nodes
 * against one"): the cluster of {@link ClusterIT}, the same client load (six clients, half of them through the form,
 * half through the JSON API) for the same time, first with nginx in front of one node, then of both, alternating.
 * Not part of CI (it only measures; the cluster test proves the behaviour): run it with
 * {@code ./mvnw -Pcluster verify -Dit.test=ThroughputIT} (options {@code -Dcluster.throughput.seconds=20},
 * {@code -Dcluster.throughput.clients=6}, {@code -Dcluster.throughput.rounds=2}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThroughputIT {

    private final long startedAt = System.nanoTime();
    private Cluster cluster;
    private String base;
    private int clients;
    private Duration measureFor;
    private int rounds;

    @BeforeAll
    void startCluster() throws Exception {
        clients = Integer.getInteger("cluster.throughput.clients", 6);
        measureFor = Duration.ofSeconds(Integer.getInteger("cluster.throughput.seconds", 20));
        rounds = Integer.getInteger("cluster.throughput.rounds", 2);
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Path jar = Path.of(System.getProperty("cluster.jar", target.resolve("initiativ-0.1.0-SNAPSHOT.jar").toString()));
        cluster = new Cluster(target.resolve("throughput"), jar);
        cluster.start();
        base = cluster.publicUrl();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        log("throughput test took %d s in all", Cluster.seconds(startedAt));
    }

    @Test
    void submissionsPerSecondWithOneNodeAndWithTwo() throws Exception {
        // both nodes warm (JIT, connection pools, caches) before anything counts
        load("warm-up", Duration.ofSeconds(10));
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            cluster.useNodes(NODE_A, NODE_A);
            runs.add(load("one node, round " + round, measureFor));
            cluster.useNodes(NODE_A, NODE_B);
            runs.add(load("two nodes, round " + round, measureFor));
        }
        log("two nodes against one: %d clients (half form, half JSON API) for %d s per run through nginx; cores: %d",
                clients, measureFor.toSeconds(), Runtime.getRuntime().availableProcessors());
        for (Run run : runs) {
            log("  %s", run);
        }
        for (Run run : runs) {
            assertThat(run.failures()).as("%s: every submission answered 201/303", run.name()).isEmpty();
            assertThat(run.stored()).as("%s: every answered submission stored once", run.name())
                    .isEqualTo(run.answered());
            assertThat(run.nodes()).as(run.name()).hasSize(run.name().startsWith("one") ? 1 : 2);
        }
    }

    /** What one run measured. */
    record Run(String name, int answered, int stored, double perSecond, Map<String, Integer> failures,
            Latency form, Latency api, List<String> nodes, String loadBefore, String loadAfter) {

        @Override
        public String toString() {
            return "%-18s %6.1f submissions/s (%d answered, %d stored, failures %s); form (GET + POST) %s; JSON API %s;"
                    .formatted(name, perSecond, answered, stored, failures, form, api)
                    + " nodes %s; load average before %s, after %s".formatted(nodes, loadBefore, loadAfter);
        }
    }

    /** Median and 95th percentile in milliseconds. */
    record Latency(int count, long median, long p95) {

        static Latency of(List<Long> millis) {
            List<Long> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return new Latency(0, 0, 0);
            }
            return new Latency(sorted.size(), sorted.get((sorted.size() - 1) / 2),
                    sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1));
        }

        @Override
        public String toString() {
            return "median %d ms, p95 %d ms (n=%d)".formatted(median, p95, count);
        }
    }

    private Run load(String name, Duration duration) throws Exception {
        String prefix = "Maaling " + name.replace(' ', '-').replace(",", "") + " ";
        String loadBefore = loadAverage();
        ConcurrentLinkedQueue<Long> formMillis = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> apiMillis = new ConcurrentLinkedQueue<>();
        Map<String, Integer> failures = Collections.synchronizedMap(new TreeMap<>());
        Map<String, Integer> byNode = Collections.synchronizedMap(new TreeMap<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String title = prefix + client + "-" + n;
                    String email = "maaling-" + client + "-" + n + "@example.org";
                    // a client address per submission: the rate limit is not what is measured
                    String address = "10." + (20 + client) + "." + (n / 250 % 250) + "." + (n % 250);
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = client % 2 == 0 ? viaForm(title, email, address)
                                : new Browser(base, address).postJson("/api/initiatives",
                                        ClusterIT.submissionJson(title, email), null, null);
                        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                        if (answer.statusCode() == 201 || answer.statusCode() == 303) {
                            (client % 2 == 0 ? formMillis : apiMillis).add(millis);
                            byNode.merge(Browser.node(answer), 1, Integer::sum);
                        } else {
                            failures.merge(String.valueOf(answer.statusCode()), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                }
                return null;
            });
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        double seconds = Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0;
        int answered = formMillis.size() + apiMillis.size();
        return new Run(name, answered, stored(prefix), answered / seconds, new TreeMap<>(failures),
                Latency.of(List.copyOf(formMillis)), Latency.of(List.copyOf(apiMillis)),
                List.copyOf(byNode.keySet()), loadBefore, loadAverage());
    }

    /** The form as a browser sends it: the page (session, CSRF token, submission key), then the post. */
    private HttpResponse<String> viaForm(String title, String email, String address) throws Exception {
        Browser citizen = new Browser(base, address);
        HttpResponse<String> form = citizen.get("/?lang=da");
        if (form.statusCode() != 200) {
            return form;
        }
        Map<String, Object> fields = ClusterIT.formFields(title, email);
        fields.put("_csrf", Browser.find(Browser.CSRF, form.body()));
        fields.put("submissionKey", Browser.find(Browser.FORM_KEY, form.body()));
        return citizen.postMultipart("/", fields);
    }

    private int stored(String titlePrefix) throws SQLException {
        try (Connection db = cluster.db();
                PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM initiative WHERE title LIKE ?")) {
            query.setString(1, titlePrefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The machine's load average (1, 5, 15 minutes), as {@code uptime} shows it. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
