package dk.initiativ.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money as a reader of the page's language reads them: {@code 25.000 kr.} or {@code 12.500,50 kr.} in
 * Danish, {@code DKK 25,000} in English. Also rewrites the amounts in a stored timeline text ({@code "Grøn pulje:
 * 25000.00 kr."}, written language-neutral when the event happened) for the page at hand.
 */
public final class Kroner {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final Pattern AMOUNT_IN_TEXT = Pattern.compile("(?<![\\d.,])(\\d+(?:\\.\\d{1,2})?) kr\\.");

    private Kroner() {
    }

    public static String format(BigDecimal amount, Locale locale) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(english(locale) ? Locale.UK : DANISH);
        format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        format.setMaximumFractionDigits(2);
        return english(locale) ? "DKK " + format.format(amount) : format.format(amount) + " kr.";
    }

    /** The text with every plain amount ({@code 25000.00 kr.}) written as {@link #format} writes it. */
    public static String inText(String text, Locale locale) {
        if (text == null) {
            return null;
        }
        Matcher matcher = AMOUNT_IN_TEXT.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(format(new BigDecimal(matcher.group(1)), locale)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
