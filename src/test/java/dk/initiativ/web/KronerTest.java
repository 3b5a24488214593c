package dk.initiativ.web;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as a Dane (or an English reader) reads them, also inside a stored timeline text. */
class KronerTest {

    private static final Locale DA = Locale.forLanguageTag("da");

    @Test
    void wholeKronerWithoutDecimalsAndOrenWithTwo() {
        assertThat(Kroner.format(new BigDecimal("25000.00"), DA)).isEqualTo("25.000 kr.");
        assertThat(Kroner.format(new BigDecimal("12500.5"), DA)).isEqualTo("12.500,50 kr.");
        assertThat(Kroner.format(new BigDecimal("25000.00"), Locale.ENGLISH)).isEqualTo("DKK 25,000");
        assertThat(Kroner.format(null, DA)).isEmpty();
    }

    @Test
    void theAmountsOfAStoredTextAreRewrittenAndNothingElse() {
        assertThat(Kroner.inText("Grøn pulje: 25000.00 kr.", DA)).isEqualTo("Grøn pulje: 25.000 kr.");
        assertThat(Kroner.inText("Grøn pulje: 25000.00 kr.", Locale.ENGLISH)).isEqualTo("Grøn pulje: DKK 25,000");
        assertThat(Kroner.inText("Pulje 2026: 1200 kr. og 300.50 kr.", DA))
                .isEqualTo("Pulje 2026: 1.200 kr. og 300,50 kr.");
        assertThat(Kroner.inText("Ingen beløb her, kun 3 bænke", DA)).isEqualTo("Ingen beløb her, kun 3 bænke");
        assertThat(Kroner.inText(null, DA)).isNull();
    }
}
