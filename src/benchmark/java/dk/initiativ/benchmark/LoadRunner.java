package dk.initiativ.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one variant's operations on a fixed number of client threads and measures each operation's latency, the wall
 * time and the CPU the JVM and the database spent meanwhile. The benchmarks interleave the variants round by round
 * themselves; this class measures one variant's turn.
 */
public final class LoadRunner implements AutoCloseable {

    @FunctionalInterface
    public interface Operation {
        /** One operation; false (or an exception) counts as an error. */
        boolean run() throws Exception;
    }

    /** One variant's turn: its latencies, wall time, CPU of this JVM and of the database, and errors. */
    public record Segment(long[] latenciesNanos, long wallNanos, long jvmCpuNanos, long dbCpuNanos, int errors) {

        public double opsPerSecond() {
            return latenciesNanos.length / (wallNanos / 1e9);
        }
    }

    private final int threads;
    private final Optional<ProcessHandle> database;
    private final ExecutorService pool;
    private final AtomicReference<String> firstError = new AtomicReference<>();

    public LoadRunner(int threads, Optional<ProcessHandle> database) {
        this.threads = threads;
        this.database = database;
        this.pool = Executors.newFixedThreadPool(threads, new NamedThreads());
    }

    /** The first failure seen in any turn, for the message of a failed run. */
    public String firstError() {
        return firstError.get();
    }

    /** {@code ops} operations by all client threads; never stops early. */
    public Segment run(String name, Operation operation, int ops) throws Exception {
        return run(name, operation, ops, Long.MAX_VALUE, null);
    }

    /**
     * {@code ops} operations by all client threads, then {@code settle} (what the operations leave to be done after
     * them, or null) on this thread: its time and CPU count in the turn's wall time and CPU.
     */
    public Segment run(String name, Operation operation, int ops, Runnable settle) throws Exception {
        return run(name, operation, ops, Long.MAX_VALUE, settle);
    }

    /** As {@link #run(String, Operation, int, long, Runnable)} with nothing to settle. */
    public Segment run(String name, Operation operation, int ops, long maxNanos) throws Exception {
        return run(name, operation, ops, maxNanos, null);
    }

    /**
     * Up to {@code ops} operations by all client threads, but no new one starts after {@code maxNanos} of wall time
     * (a slow variant then contributes fewer samples instead of holding the whole run up); at least one per thread.
     * Then {@code settle}, if any, within the turn's wall time and CPU.
     */
    public Segment run(String name, Operation operation, int ops, long maxNanos, Runnable settle) throws Exception {
        System.gc();
        Thread.sleep(300);
        long[] latencies = new long[ops];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] startedAt = new long[1];
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                int i;
                while ((i = next.getAndIncrement()) < ops) {
                    long start = System.nanoTime();
                    if (i >= threads && start - startedAt[0] > maxNanos) {
                        break;
                    }
                    boolean ok;
                    try {
                        ok = operation.run();
                        if (!ok) {
                            firstError.compareAndSet(null, name + ": unexpected answer");
                        }
                    }
                    catch (Exception e) {
                        ok = false;
                        firstError.compareAndSet(null, name + ": " + e);
                    }
                    latencies[i] = System.nanoTime() - start;
                    done.incrementAndGet();
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        ready.await();
        long jvmCpu = Machine.jvmCpuNanos();
        long dbCpu = database.map(Machine::cpuNanos).orElse(0L);
        long start = System.nanoTime();
        startedAt[0] = start;
        go.countDown();
        for (Future<?> worker : workers) {
            worker.get();
        }
        if (settle != null) {
            settle.run();
        }
        long wall = System.nanoTime() - start;
        jvmCpu = Machine.jvmCpuNanos() - jvmCpu;
        dbCpu = database.map(Machine::cpuNanos).orElse(0L) - dbCpu;
        long[] measured = latencies;
        if (done.get() < ops) {
            // stopped by the time limit: the slots taken are the first ones, but not every taken slot ran
            measured = java.util.Arrays.stream(latencies).filter(l -> l > 0).toArray();
        }
        return new Segment(measured, wall, jvmCpu, dbCpu, errors.get());
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "benchmark-client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
