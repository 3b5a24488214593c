package dk.initiativ.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Chart;
import org.springframework.web.util.HtmlUtils;

/**
 * Server-rendered SVG charts of a dashboard table (ADR 0025): horizontal bars ({@link Chart.Kind#BAR}) or lines over
 * the rows ({@link Chart.Kind#LINE}), drawn from the same cells as the table beside it. No script, no style
 * attribute (the Content-Security-Policy stays strict). Readable without colour: the series differ in pattern (solid
 * and hatched bars; a solid line with round points and a dashed line with square points), a legend names them, and
 * each bar carries its figure as text. The SVG is {@code role="img"} with a title and a description that names the
 * figures (the table next to it holds them too).
 */
final class DashboardCharts {

    private static final String[] COLOURS = {"#004993", "#a34700", "#2e6b00"};
    private static final String INK = "#1a1a1a";
    private static final String GRID = "#767676";

    private DashboardCharts() {
    }

    /**
     * The chart as SVG markup (escaped text inside), or {@code null} when the table has no chart.
     *
     * @param title        the table's heading in the page's language
     * @param seriesNames  the value columns' headings in the page's language
     * @param alternative  the text alternative's lead ("Diagram: {title}. The same figures as the table:")
     */
    static String svg(DashboardTable table, String title, List<String> seriesNames, String alternative,
            Locale locale) {
        if (table.chart().isEmpty()) {
            return null;
        }
        Chart chart = table.chart().get();
        DashboardFormat format = new DashboardFormat(locale);
        List<String> labels = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        StringBuilder description = new StringBuilder(alternative);
        for (List<Cell> row : table.rows()) {
            String label = format.text(row.get(chart.labelColumn()));
            labels.add(label);
            List<Double> rowValues = new ArrayList<>();
            List<String> rowTexts = new ArrayList<>();
            description.append(' ').append(label).append(':');
            for (int s = 0; s < chart.valueColumns().size(); s++) {
                Cell cell = row.get(chart.valueColumns().get(s));
                rowValues.add(DashboardFormat.value(cell));
                rowTexts.add(format.text(cell));
                description.append(s == 0 ? " " : ", ").append(seriesNames.get(s)).append(' ').append(format.text(cell));
            }
            description.append(';');
            values.add(rowValues);
            texts.add(rowTexts);
        }
        String id = "chart-" + table.id();
        StringBuilder svg = new StringBuilder();
        String body = chart.kind() == Chart.Kind.BAR ? bars(id, labels, values, texts, seriesNames)
                : lines(id, labels, values, seriesNames, format);
        int height = Integer.parseInt(body.substring(0, body.indexOf('|')));
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dashboard-chart-svg\" role=\"img\" viewBox=\"0 0 680 ")
                .append(height).append("\" width=\"100%\" focusable=\"false\" aria-labelledby=\"")
                .append(id).append("-title ").append(id).append("-desc\">")
                .append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>")
                .append("<desc id=\"").append(id).append("-desc\">").append(esc(description.toString())).append("</desc>")
                .append(patterns(id))
                .append(body.substring(body.indexOf('|') + 1))
                .append("</svg>");
        return svg.toString();
    }

    private static String patterns(String id) {
        StringBuilder defs = new StringBuilder("<defs>");
        for (int s = 0; s < COLOURS.length; s++) {
            defs.append("<pattern id=\"").append(id).append("-p").append(s)
                    .append("\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">")
                    .append("<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>")
                    .append("<rect width=\"3\" height=\"6\" fill=\"").append(COLOURS[s]).append("\"/></pattern>");
        }
        return defs.append("</defs>").toString();
    }

    /** Bar fill of a series: solid for the first, hatched for the others. */
    private static String fill(String id, int series) {
        return series == 0 ? COLOURS[0] : "url(#" + id + "-p" + (series % COLOURS.length) + ")";
    }

    private static String legend(String id, List<String> seriesNames, boolean lines) {
        StringBuilder legend = new StringBuilder();
        int x = 10;
        for (int s = 0; s < seriesNames.size(); s++) {
            if (lines) {
                legend.append(line(x, 14, x + 24, 14, s)).append(marker(x + 12, 14, s));
            } else {
                legend.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"24\" height=\"14\" fill=\"")
                        .append(fill(id, s)).append("\" stroke=\"").append(COLOURS[s % COLOURS.length]).append("\"/>");
            }
            legend.append(text(x + 30, 18, "start", seriesNames.get(s), 13));
            x += 40 + seriesNames.get(s).length() * 8;
        }
        return legend.toString();
    }

    private static String bars(String id, List<String> labels, List<List<Double>> values, List<List<String>> texts,
            List<String> seriesNames) {
        int series = seriesNames.size();
        int barHeight = 16;
        int group = series * (barHeight + 2) + 12;
        int top = 34;
        int labelWidth = 250;
        int barWidth = 340;
        double max = max(values);
        StringBuilder out = new StringBuilder(legend(id, seriesNames, false));
        for (int r = 0; r < labels.size(); r++) {
            int y = top + r * group;
            out.append(text(labelWidth - 8, y + series * (barHeight + 2) / 2 + 4, "end", clip(labels.get(r), 38), 13));
            for (int s = 0; s < series; s++) {
                Double value = values.get(r).get(s);
                double width = value == null || max == 0 ? 0 : value / max * barWidth;
                int by = y + s * (barHeight + 2);
                out.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"")
                        .append(round(width)).append("\" height=\"").append(barHeight).append("\" fill=\"")
                        .append(fill(id, s)).append("\" stroke=\"").append(COLOURS[s % COLOURS.length]).append("\"/>");
                out.append(text(labelWidth + width + 6, by + barHeight - 3, "start", texts.get(r).get(s), 12));
            }
        }
        out.append("<line x1=\"").append(labelWidth).append("\" y1=\"").append(top - 4).append("\" x2=\"")
                .append(labelWidth).append("\" y2=\"").append(top + labels.size() * group - 8).append("\" stroke=\"")
                .append(GRID).append("\"/>");
        return (top + labels.size() * group + 4) + "|" + out;
    }

    private static String lines(String id, List<String> labels, List<List<Double>> values, List<String> seriesNames,
            DashboardFormat format) {
        int left = 56;
        int right = 660;
        int top = 36;
        int bottom = 230;
        double max = niceMax(max(values));
        int n = labels.size();
        StringBuilder out = new StringBuilder(legend(id, seriesNames, true));
        for (int t = 0; t <= 4; t++) {
            double value = max * t / 4;
            double y = bottom - (bottom - top) * t / 4.0;
            out.append("<line x1=\"").append(left).append("\" y1=\"").append(round(y)).append("\" x2=\"").append(right)
                    .append("\" y2=\"").append(round(y)).append("\" stroke=\"").append(GRID)
                    .append("\" stroke-width=\"0.5\"/>")
                    .append(text(left - 6, y + 4, "end", format.number(value, value == Math.rint(value) ? 0 : 1), 12));
        }
        double step = n > 1 ? (double) (right - left - 20) / (n - 1) : 0;
        int every = Math.max(1, (int) Math.ceil(n / 16.0));
        for (int r = 0; r < n; r++) {
            double x = left + 10 + r * step;
            if (r % every == 0) {
                out.append("<text x=\"").append(round(x)).append("\" y=\"").append(bottom + 14)
                        .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"").append(INK)
                        .append("\" transform=\"rotate(-40 ").append(round(x)).append(' ').append(bottom + 14).append(")\">")
                        .append(esc(clip(labels.get(r), 18))).append("</text>");
            }
        }
        for (int s = 0; s < seriesNames.size(); s++) {
            StringBuilder points = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (int r = 0; r < n; r++) {
                Double value = values.get(r).get(s);
                if (value == null) {
                    continue;
                }
                double x = left + 10 + r * step;
                double y = max == 0 ? bottom : bottom - (bottom - top) * value / max;
                points.append(round(x)).append(',').append(round(y)).append(' ');
                markers.append(marker(x, y, s));
            }
            out.append("<polyline fill=\"none\" stroke=\"").append(COLOURS[s % COLOURS.length])
                    .append("\" stroke-width=\"2\"").append(s == 0 ? "" : " stroke-dasharray=\"6 4\"")
                    .append(" points=\"").append(points.toString().strip()).append("\"/>").append(markers);
        }
        return (bottom + 80) + "|" + out;
    }

    private static String line(double x1, double y1, double x2, double y2, int series) {
        return "<line x1=\"" + round(x1) + "\" y1=\"" + round(y1) + "\" x2=\"" + round(x2) + "\" y2=\"" + round(y2)
                + "\" stroke=\"" + COLOURS[series % COLOURS.length] + "\" stroke-width=\"2\""
                + (series == 0 ? "" : " stroke-dasharray=\"6 4\"") + "/>";
    }

    private static String marker(double x, double y, int series) {
        String colour = COLOURS[series % COLOURS.length];
        if (series == 0) {
            return "<circle cx=\"" + round(x) + "\" cy=\"" + round(y) + "\" r=\"4\" fill=\"" + colour + "\"/>";
        }
        return "<rect x=\"" + round(x - 4) + "\" y=\"" + round(y - 4) + "\" width=\"8\" height=\"8\" fill=\"#ffffff\""
                + " stroke=\"" + colour + "\" stroke-width=\"2\"/>";
    }

    private static String text(double x, double y, String anchor, String text, int size) {
        return "<text x=\"" + round(x) + "\" y=\"" + round(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + INK + "\">" + esc(text) + "</text>";
    }

    private static double max(List<List<Double>> values) {
        return values.stream().flatMap(List::stream).filter(v -> v != null).mapToDouble(Double::doubleValue).max()
                .orElse(0);
    }

    /** The top of the value axis: four equal steps of 1, 2, 2.5 or 5 times a power of ten (at least 1 each). */
    static double niceMax(double max) {
        double raw = Math.max(max, 1) / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= raw) {
                return Math.max(1, step * power) * 4;
            }
        }
        return 40 * power;
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
