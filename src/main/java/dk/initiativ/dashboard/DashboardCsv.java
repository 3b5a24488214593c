package dk.initiativ.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Column;
import dk.initiativ.dashboard.DashboardTable.Text;

/**
 * A dashboard table as CSV, exactly as the page shows it (ADR 0025): the column headings, then one line per row with
 * each cell formatted by {@link DashboardFormat} in the page's language. UTF-8 with a byte order mark (so that Excel
 * reads æ, ø, å); separator {@code ;} in Danish (Danish Excel's list separator, as the decimal comma takes the
 * comma) and {@code ,} in English; CRLF line ends; a field with the separator, a quote or a line break is quoted.
 * A text cell that starts with {@code = + - @} gets a leading apostrophe, so that a spreadsheet does not run it as a
 * formula.
 */
final class DashboardCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DashboardCsv() {
    }

    static char separator(Locale locale) {
        return "en".equals(locale.getLanguage()) ? ',' : ';';
    }

    static byte[] write(DashboardTable table, Function<String, String> message, Locale locale) {
        DashboardFormat format = new DashboardFormat(locale);
        char separator = separator(locale);
        StringBuilder csv = new StringBuilder();
        line(csv, table.columns().stream().map(Column::labelKey).map(message).toList(), separator);
        for (List<Cell> row : table.rows()) {
            line(csv, row.stream().map(cell -> {
                String text = format.text(cell);
                return cell instanceof Text && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
            }).toList(), separator);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    private static void line(StringBuilder csv, List<String> fields, char separator) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(separator);
            }
            String field = fields.get(i);
            if (field.indexOf(separator) >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }
}
