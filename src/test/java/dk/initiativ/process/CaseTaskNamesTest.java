package dk.initiativ.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name Tasklist shows for a task: case number, title and the model's name, within Camunda's column. */
class CaseTaskNamesTest {

    @Test
    void caseNumberTitleAndTheModelsName() {
        assertThat(CaseTaskNames.full("INI-2026-0042", "Legeplads i Søndermarken", "Visitér initiativ"))
                .isEqualTo("INI-2026-0042 · Legeplads i Søndermarken: Visitér initiativ");
        // line breaks in a title become spaces, an emoji (which Camunda's utf8mb3 tables cannot hold) is left out;
        // without a title the case number still leads
        assertThat(CaseTaskNames.full("INI-2026-0042", " Bænke\nved  havnen 🌊 ", "Afslut sagen"))
                .isEqualTo("INI-2026-0042 · Bænke ved havnen: Afslut sagen");
        assertThat(CaseTaskNames.full("INI-2026-0042", "🌳🌳", "Afslut sagen")).isEqualTo("INI-2026-0042: Afslut sagen");
        assertThat(CaseTaskNames.full("INI-2026-0042", null, "Afslut sagen")).isEqualTo("INI-2026-0042: Afslut sagen");
    }

    @Test
    void aLongTitleIsShortenedSoTheModelsNameStillFits() {
        String name = CaseTaskNames.full("INI-2026-0042", "Å".repeat(400), "Første kontakt og forventningsafstemning");
        assertThat(name).hasSizeLessThanOrEqualTo(CaseTaskNames.MAX_NAME)
                .startsWith("INI-2026-0042 · ÅÅÅ").endsWith("…: Første kontakt og forventningsafstemning");
    }
}
