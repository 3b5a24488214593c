package dk.initiativ.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Writes generated rows of one table into a tab-separated file and loads it with MariaDB's {@code LOAD DATA INFILE}
 * (the server reads the file itself: the benchmark's embedded server runs on the same machine, as root). Several
 * times faster than multi-row INSERTs ({@link MultiRowInsert}): the server parses no SQL per row. Values: numbers,
 * booleans (1/0), {@link LocalDateTime} (microseconds), {@link LocalDate}, text (tab, newline and backslash escaped),
 * {@code null} as {@code \N}. Not thread-safe: one file per table per thread. {@link #load(Connection)} loads the
 * file and deletes it.
 */
public final class LoadDataFile implements AutoCloseable {

    private final String table;
    private final String columns;
    private final Path file;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long written;

    public LoadDataFile(Path directory, String table, String columns) {
        this.table = table;
        this.columns = columns;
        try {
            this.file = Files.createTempFile(directory, table + "-", ".tsv");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row's values, in the order of the columns. */
    public void row(Object... values) {
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            value(values[i]);
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written++;
    }

    public long written() {
        return written;
    }

    private void value(Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal decimal) {
            line.append(decimal.toPlainString());
        } else if (value instanceof Boolean bool) {
            line.append(bool ? '1' : '0');
        } else if (value instanceof LocalDateTime time) {
            line.append(time.toLocalDate()).append(' ');
            int h = time.getHour();
            int m = time.getMinute();
            int s = time.getSecond();
            line.append(h < 10 ? "0" : "").append(h).append(m < 10 ? ":0" : ":").append(m).append(s < 10 ? ":0" : ":")
                    .append(s);
            if (time.getNano() != 0) {
                String micros = Integer.toString(1_000_000 + time.getNano() / 1_000);
                line.append('.').append(micros, 1, 7);
            }
        } else if (value instanceof Number || value instanceof LocalDate) {
            line.append(value);
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    default -> line.append(c);
                }
            }
        }
    }

    /** Loads the file into the table (on {@code connection}, with its session's checks) and deletes the file. */
    public long load(Connection connection) throws SQLException {
        close();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOAD DATA INFILE '" + file.toAbsolutePath().toString().replace("'", "''")
                    + "' INTO TABLE " + table + " CHARACTER SET utf8mb4 (" + columns + ")");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
