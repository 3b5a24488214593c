package dk.initiativ.dashboard;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.initiativ.admin.ReferenceChanges;
import dk.initiativ.admin.ReferenceKinds;
import dk.initiativ.initiative.AgeBand;
import dk.initiativ.web.FieldProblemException;
import dk.initiativ.web.FieldProblemsException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.tika.Tika;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The population figures behind the dashboard's representativeness (table {@code population}, V23; ADR 0040):
 * an admin uploads one year's figures as CSV, with the source and the year. The file is read whole before anything
 * is stored: every bad line is reported (line number, column, why) and then nothing is stored. A new year is added
 * and older years are kept; a year already held is replaced only when the admin confirms it. Each upload is
 * recorded in the change record in its own transaction. The dashboard reads the newest year.
 *
 * <p>The format: UTF-8 text, comma or semicolon separated, a header line {@code district,age_band,inhabitants},
 * then one line per district and age band: the district's code (as in the catalogue), the age band
 * ({@code UNDER_18}, {@code FROM_18_TO_29}, {@code FROM_30_TO_49}, {@code FROM_50_TO_66}, {@code FROM_67}, or
 * {@code 0-17}, {@code 18-29}, {@code 30-49}, {@code 50-66}, {@code 67+}) and the number of inhabitants.
 */
@Service
public class PopulationAdmin {

    /** The largest file taken: a municipality's figures are a few kilobytes. */
    public static final int MAX_BYTES = 512 * 1024;
    static final int SOURCE_MAX = 300;
    static final int MAX_INHABITANTS = 10_000_000;
    /** At most this many line errors are reported; the file is refused either way. */
    static final int MAX_ERRORS = 50;
    static final List<String> HEADER = List.of("district", "age_band", "inhabitants");

    private static final Map<String, AgeBand> BAND_LABELS = Map.of("0-17", AgeBand.UNDER_18,
            "18-29", AgeBand.FROM_18_TO_29, "30-49", AgeBand.FROM_30_TO_49, "50-66", AgeBand.FROM_50_TO_66,
            "67+", AgeBand.FROM_67);

    private final JdbcTemplate jdbc;
    private final ReferenceChanges changes;
    private final Tika tika = new Tika();

    PopulationAdmin(JdbcTemplate jdbc, ReferenceChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /** One year held: its source(s), how many figures and the inhabitants in all. */
    public record Year(int year, String source, int figures, long inhabitants) {
    }

    /** One bad line of an upload: the line number (1 is the header), the column (or null) and the message key. */
    public record LineError(long line, String column, String messageKey, Object... args) {

        /** "Line 3, column inhabitants: ..." in the language. */
        public String text(MessageSource texts, Locale locale) {
            String why = texts.getMessage(messageKey, args, messageKey, locale);
            return column == null
                    ? texts.getMessage("admin.population.lineError", new Object[] {line, why}, locale)
                    : texts.getMessage("admin.population.lineFieldError", new Object[] {line, column, why}, locale);
        }
    }

    /** The file had bad lines: nothing was stored. The API answers one error per line (field {@code file}). */
    public static class BadLinesException extends FieldProblemsException {

        private final transient List<LineError> errors;

        BadLinesException(List<LineError> errors) {
            super(errors.size() + " bad lines in the population file");
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }

        @Override
        public String detail(MessageSource messages, Locale locale) {
            return messages.getMessage("admin.population.badLines", new Object[] {errors.size()}, locale);
        }

        @Override
        public List<?> errors(MessageSource messages, Locale locale) {
            return errors.stream().map(error -> Map.of("field", "file", "line", error.line(),
                    "column", error.column() == null ? "" : error.column(),
                    "message", error.text(messages, locale))).toList();
        }
    }

    /** What the change record keeps of a year. */
    record Snapshot(int year, String source, int figures, long inhabitants) {
    }

    /** The years held, newest first. */
    @Transactional(readOnly = true)
    public List<Year> years() {
        return jdbc.query("SELECT year, GROUP_CONCAT(DISTINCT source ORDER BY source SEPARATOR '; '), COUNT(*),"
                + " SUM(inhabitants) FROM population GROUP BY year ORDER BY year DESC",
                (rs, i) -> new Year(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
    }

    /**
     * Stores a year's figures from a CSV file.
     *
     * @param replace the admin confirmed that a year already held is replaced
     * @return the year as now held
     * @throws FieldProblemException field {@code year} (missing, out of range, held already without
     *                               {@code replace}), {@code source} (missing, too long) or {@code file} (missing,
     *                               too large, not CSV text, not UTF-8, no header)
     * @throws BadLinesException     one or more bad lines; nothing stored
     */
    @Transactional
    public Year upload(Integer year, String source, byte[] file, String fileName, boolean replace, String who) {
        if (year == null || year < 1900 || year > 2200) {
            throw new FieldProblemException("year", "admin.population.error.year");
        }
        String text = source == null ? "" : source.strip();
        if (text.isEmpty() || text.length() > SOURCE_MAX) {
            throw new FieldProblemException("source", "admin.population.error.source");
        }
        List<Object[]> rows = parse(file, fileName, year, text);
        // the year's rows are locked (or the gap where they would be): two uploads of one year queue up
        List<Year> held = jdbc.query("SELECT year, GROUP_CONCAT(DISTINCT source SEPARATOR '; '), COUNT(*),"
                + " SUM(inhabitants) FROM population WHERE year = ? GROUP BY year FOR UPDATE",
                (rs, i) -> new Year(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getLong(4)), year);
        if (!held.isEmpty() && !replace) {
            throw new FieldProblemException("year", "admin.population.error.yearHeld");
        }
        jdbc.update("DELETE FROM population WHERE year = ?", year);
        jdbc.batchUpdate("INSERT INTO population (district_code, age_band, year, inhabitants, source)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
        long total = rows.stream().mapToLong(row -> (Integer) row[3]).sum();
        Year now = new Year(year, text, rows.size(), total);
        changes.record(who, ReferenceKinds.POPULATION, String.valueOf(year),
                held.isEmpty() ? ReferenceKinds.CREATE : ReferenceKinds.UPDATE,
                held.isEmpty() ? null : snapshot(held.get(0)), snapshot(now), null);
        return now;
    }

    private static Snapshot snapshot(Year year) {
        return new Snapshot(year.year(), year.source(), year.figures(), year.inhabitants());
    }

    /** The file's figures as rows to insert, or every bad line. */
    private List<Object[]> parse(byte[] file, String fileName, int year, String source) {
        if (file == null || file.length == 0) {
            throw new FieldProblemException("file", "admin.population.error.fileMissing");
        }
        if (file.length > MAX_BYTES) {
            throw new FieldProblemException("file", "admin.population.error.fileSize");
        }
        // from the content and the name: a picture or a spreadsheet renamed to .csv is not text
        String type = tika.detect(file, fileName == null ? "" : fileName);
        if (!type.startsWith("text/")) {
            throw new FieldProblemException("file", "admin.population.error.fileType");
        }
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new FieldProblemException("file", "admin.population.error.encoding");
        }
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String firstLine = content.lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        Set<String> districts = new HashSet<>(jdbc.queryForList("SELECT code FROM district", String.class));
        List<LineError> errors = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(content), format)) {
            boolean header = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (header) {
                    header = false;
                    List<String> names = record.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(HEADER)) {
                        throw new FieldProblemException("file", "admin.population.error.header");
                    }
                    continue;
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
                if (record.size() != HEADER.size()) {
                    errors.add(new LineError(line, null, "admin.population.error.columns", record.size()));
                    continue;
                }
                String district = record.get(0);
                boolean ok = true;
                if (!districts.contains(district)) {
                    errors.add(new LineError(line, "district", "admin.population.error.district", district));
                    ok = false;
                }
                AgeBand band = band(record.get(1));
                if (band == null) {
                    errors.add(new LineError(line, "age_band", "admin.population.error.ageBand", record.get(1)));
                    ok = false;
                }
                Integer inhabitants = inhabitants(record.get(2));
                if (inhabitants == null) {
                    errors.add(new LineError(line, "inhabitants", "admin.population.error.inhabitants",
                            record.get(2)));
                    ok = false;
                }
                if (ok && !seen.add(district + "/" + band.name())) {
                    errors.add(new LineError(line, null, "admin.population.error.duplicate", district,
                            record.get(1)));
                    ok = false;
                }
                if (ok) {
                    rows.add(new Object[] {district, band.name(), year, inhabitants, source});
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            // an unclosed quote and the like: the parser cannot go on
            throw new FieldProblemException("file", "admin.population.error.unreadable");
        }
        if (!errors.isEmpty()) {
            throw new BadLinesException(errors);
        }
        if (rows.isEmpty()) {
            throw new FieldProblemException("file", "admin.population.error.noFigures");
        }
        return rows;
    }

    private static AgeBand band(String typed) {
        AgeBand labelled = BAND_LABELS.get(typed);
        if (labelled != null) {
            return labelled;
        }
        return Arrays.stream(AgeBand.values()).filter(band -> band.name().equalsIgnoreCase(typed)).findFirst()
                .orElse(null);
    }

    private static Integer inhabitants(String typed) {
        String digits = typed.replace(".", "").replace(" ", "").replace("\u00a0", "");
        if (!digits.matches("[0-9]{1,8}")) {
            return null;
        }
        int value = Integer.parseInt(digits);
        return value > MAX_INHABITANTS ? null : value;
    }
}
