package dk.initiativ.dashboard;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import dk.initiativ.dashboard.DashboardTable.Amount;
import dk.initiativ.dashboard.DashboardTable.CaseLink;
import dk.initiativ.dashboard.DashboardTable.Cell;
import dk.initiativ.dashboard.DashboardTable.Count;
import dk.initiativ.dashboard.DashboardTable.Rate;
import dk.initiativ.dashboard.DashboardTable.Score;
import dk.initiativ.dashboard.DashboardTable.Share;
import dk.initiativ.dashboard.DashboardTable.Suppressed;
import dk.initiativ.dashboard.DashboardTable.Text;
import dk.initiativ.dashboard.DashboardTable.WorkingDays;
import dk.initiativ.web.Kroner;

/**
 * The one formatter of dashboard cells, for the page and the CSV alike, in the page's language: counts with
 * thousands separators ({@code 1.234} / {@code 1,234}), suppressed counts as {@code < 5}, working days, rates and
 * percentages with one decimal ({@code 2,5} / {@code 2.5}; {@code 66,7 %} / {@code 66.7%}), scores with two, kroner
 * as {@link Kroner} writes them, a case link as its case number, nothing as {@code –}. Half-up rounding.
 */
public final class DashboardFormat {

    public static final String SUPPRESSED = "< 5";
    public static final String EMPTY = "–";

    private final Locale locale;
    private final boolean english;

    public DashboardFormat(Locale locale) {
        this.locale = locale;
        this.english = "en".equals(locale.getLanguage());
    }

    /** The cell as text. */
    public String text(Cell cell) {
        if (cell instanceof Text text) {
            return text.value();
        } else if (cell instanceof Count count) {
            return number(count.value(), 0);
        } else if (cell instanceof Suppressed) {
            return SUPPRESSED;
        } else if (cell instanceof WorkingDays days) {
            return number(days.value(), 1);
        } else if (cell instanceof Amount amount) {
            return Kroner.format(amount.value(), locale);
        } else if (cell instanceof Share share) {
            return number(share.value() * 100, 1) + (english ? "%" : " %");
        } else if (cell instanceof Rate rate) {
            return number(rate.value(), 1);
        } else if (cell instanceof Score score) {
            return number(score.value(), 2);
        } else if (cell instanceof CaseLink link) {
            return link.caseNumber();
        }
        return EMPTY;
    }

    /** Whether the cell is a figure (right-aligned on the page). */
    public static boolean numeric(Cell cell) {
        return !(cell instanceof Text || cell instanceof CaseLink);
    }

    /** The cell's value for a chart, or {@code null} when it has none (text, suppressed, empty). */
    public static Double value(Cell cell) {
        if (cell instanceof Count count) {
            return (double) count.value();
        } else if (cell instanceof WorkingDays days) {
            return days.value();
        } else if (cell instanceof Amount amount) {
            return amount.value().doubleValue();
        } else if (cell instanceof Share share) {
            return share.value() * 100;
        } else if (cell instanceof Rate rate) {
            return rate.value();
        } else if (cell instanceof Score score) {
            return score.value();
        }
        return null;
    }

    /** A number with the given decimals in the page's language. */
    public String number(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(english ? Locale.UK : Locale.forLanguageTag("da-DK")));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
