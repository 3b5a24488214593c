package dk.initiativ.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The benchmarks' figures file ({@code docs/benchmarks.md}, or {@code -Dbenchmark.report}): each benchmark rewrites
 * only its own section, between {@code <!-- benchmark:NAME:start -->} and {@code <!-- benchmark:NAME:end -->}.
 */
public final class Report {

    public static final Path FILE = Path.of(System.getProperty("benchmark.report", "docs/benchmarks.md"));

    private static final String INTRO = """
            # Benchmarks

            Figures from the benchmarks under `src/benchmark/java`, run with `./mvnw -Pbenchmark verify` (a Maven
            profile of their own: `./mvnw verify` neither compiles nor runs them, and no test asserts a timing).
            Each benchmark rewrites its own section below on every run. The figures come from one machine and
            are noisy: compare the variants measured side by side in one run (medians and ratios), not absolute
            numbers across runs or machines.

            """;

    private Report() {
    }

    public static String start(String name) {
        return "<!-- benchmark:" + name + ":start -->";
    }

    public static String end(String name) {
        return "<!-- benchmark:" + name + ":end -->";
    }

    /** Replaces the section {@code name} (markers included in {@code section}) or appends it. */
    public static void writeSection(String name, String section) throws IOException {
        String sectionStart = start(name);
        String sectionEnd = end(name);
        String text = Files.exists(FILE) ? Files.readString(FILE) : INTRO;
        int start = text.indexOf(sectionStart);
        int end = text.indexOf(sectionEnd);
        if (start >= 0 && end > start) {
            text = text.substring(0, start) + section + text.substring(end + sectionEnd.length()).replaceFirst("^\\n", "");
        }
        else {
            text = text.endsWith("\n\n") || text.isEmpty() ? text + section : text.stripTrailing() + "\n\n" + section;
        }
        if (FILE.getParent() != null) {
            Files.createDirectories(FILE.getParent());
        }
        Files.writeString(FILE, text);
        System.out.println("Written to " + FILE.toAbsolutePath());
    }

    public static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Nearest-rank percentile of sorted values. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
