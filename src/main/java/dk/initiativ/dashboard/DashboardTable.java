package dk.initiativ.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One table of figures as the page shows it and the CSV export writes it: a title and a one-line definition of what
 * is counted (message keys), typed columns and rows of typed cells, and optionally a chart drawn from the same
 * rows (the table stays next to the chart as its accessible form).
 *
 * @param id         stable id, used in the page's anchors and the CSV's URL ({@code /overblik/{id}.csv})
 * @param titleKey   message key of the table's heading
 * @param definitionKey message key of the one line that says what is counted
 * @param columns    the columns, in order
 * @param rows       the rows; each row has one cell per column
 * @param chart      a chart of the rows, if a manager would rather look than read
 */
public record DashboardTable(String id, String titleKey, String definitionKey, List<Column> columns, List<List<Cell>> rows,
        Optional<Chart> chart) {

    public DashboardTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        chart = chart == null ? Optional.empty() : chart;
        for (List<Cell> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + id + ": a row has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
        }
    }

    /** A column: its heading (message key). */
    public record Column(String labelKey) {
    }

    /** A chart drawn from the rows: the label column (x axis or bar label) and the value columns (one series each). */
    public record Chart(Kind kind, int labelColumn, List<Integer> valueColumns) {

        public enum Kind { BAR, LINE }

        public Chart {
            valueColumns = List.copyOf(valueColumns);
        }
    }

    /** One cell. The page and the CSV format each kind the same way for the page's language. */
    public sealed interface Cell permits Text, Count, Suppressed, WorkingDays, Amount, Share, Rate, Score, CaseLink, Empty {
    }

    /** A label or a name, already in the page's language. */
    public record Text(String value) implements Cell {
    }

    /** A number of cases, people or applications (counts under 5 about citizens are {@link Suppressed} instead). */
    public record Count(long value) implements Cell {
    }

    /** A count under 5 that could single out a person: shown and exported as "< 5". */
    public record Suppressed() implements Cell {
    }

    /** A duration in working days (the BPMN timers' calendar), one decimal. */
    public record WorkingDays(double value) implements Cell {
    }

    /** An amount of money in kroner. */
    public record Amount(BigDecimal value) implements Cell {
    }

    /** A share between 0 and 1, shown as a percentage with one decimal. */
    public record Share(double value) implements Cell {
    }

    /** A rate per 10,000 inhabitants, one decimal. */
    public record Rate(double value) implements Cell {
    }

    /** A ratio such as the representativeness score, two decimals. */
    public record Score(double value) implements Cell {
    }

    /** A case number, linked to the case page on screen. */
    public record CaseLink(String caseNumber) implements Cell {
    }

    /** Nothing to show (no case in the period, no answer): shown as "–". */
    public record Empty() implements Cell {
    }
}
