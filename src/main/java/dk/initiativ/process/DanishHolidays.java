package dk.initiativ.process;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Danish public holidays (helligdage) of a year. Store Bededag counts up to and including 2023;
 * it was abolished from 2024. Days on which offices merely close (Constitution Day, Christmas Eve,
 * New Year's Eve) are not holidays; see {@link DeadlineProperties#closedDays()}.
 */
final class DanishHolidays {

    /** The last year with Store Bededag as a public holiday. */
    static final int LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

    private static final Map<Integer, SortedSet<LocalDate>> CACHE = new ConcurrentHashMap<>();

    private DanishHolidays() {
    }

    /** The holidays of {@code year}, in date order; the set is unmodifiable. */
    public static Set<LocalDate> of(int year) {
        return CACHE.computeIfAbsent(year, DanishHolidays::compute);
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static SortedSet<LocalDate> compute(int year) {
        LocalDate easter = easterSunday(year);
        SortedSet<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.minusDays(3));  // Maundy Thursday
        days.add(easter.minusDays(2));  // Good Friday
        days.add(easter);
        days.add(easter.plusDays(1));   // Easter Monday
        if (year <= LAST_YEAR_WITH_GREAT_PRAYER_DAY) {
            days.add(easter.plusDays(26)); // Store Bededag, the 4th Friday after Easter
        }
        days.add(easter.plusDays(39));  // Ascension Day
        days.add(easter.plusDays(49));  // Whit Sunday
        days.add(easter.plusDays(50));  // Whit Monday
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        days.add(LocalDate.of(year, Month.DECEMBER, 26));
        return Collections.unmodifiableSortedSet(days);
    }
}
