package dk.initiativ.citizen;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dk.initiativ.process.DeadlineProperties;
import dk.initiativ.web.Kroner;
import org.springframework.stereotype.Component;

/**
 * Dates, times and amounts on the citizen pages, in the municipality's time zone and the reader's
 * language ({@code ${@portalFormats.dateTime(instant, #locale)}} in the templates).
 */
@Component("portalFormats")
class PortalFormats {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private final ZoneId zone;

    PortalFormats(DeadlineProperties deadlines) {
        this.zone = deadlines.zone();
    }

    public String date(Instant instant, Locale locale) {
        return instant == null ? "" : day(instant.atZone(zone).toLocalDate(), locale);
    }

    public String day(LocalDate day, Locale locale) {
        if (day == null) {
            return "";
        }
        return english(locale) ? DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(day)
                : DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH).format(day);
    }

    public String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return english(locale) ? DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH).format(local)
                : DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", DANISH).format(local);
    }

    /** The machine-readable form for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.atZone(zone).toOffsetDateTime().toString();
    }

    public String kroner(BigDecimal amount, Locale locale) {
        return Kroner.format(amount, locale);
    }

    /** A timeline entry's detail with its amounts as the reader reads them ({@code 25.000 kr.}, not {@code 25000.00 kr.}). */
    public String detail(String detail, Locale locale) {
        return Kroner.inText(detail, locale);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
