package dk.initiativ.attachment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The names attachments are stored and downloaded under. */
class SafeFileNamesTest {

    @Test
    void pathsControlCharactersAndReservedCharactersAreRemoved() {
        assertThat(Attachments.safeFileName("C:\\Users\\else\\Billeder\\bænk.jpg", "jpg")).isEqualTo("bænk.jpg");
        assertThat(Attachments.safeFileName("../../etc/passwd.pdf", "pdf")).isEqualTo("passwd.pdf");
        assertThat(Attachments.safeFileName("a\"b;c<d>e\u0000\u202e.png", "png")).isEqualTo("a_b_c_d_e__.png");
        assertThat(Attachments.safeFileName("  ..hidden.pdf  ", "pdf")).isEqualTo("hidden.pdf");
    }

    @Test
    void theNameEndsInTheDetectedTypesExtension() {
        assertThat(Attachments.safeFileName("photo.jpg", "png")).isEqualTo("photo.jpg.png");
        assertThat(Attachments.safeFileName("rapport.exe", "pdf")).isEqualTo("rapport.exe.pdf");
        assertThat(Attachments.safeFileName("Foto.JPEG", "jpg")).isEqualTo("Foto.JPEG");
        assertThat(Attachments.safeFileName(null, "pdf")).isEqualTo("bilag.pdf");
        assertThat(Attachments.safeFileName("...", "png")).isEqualTo("bilag.png");
    }

    @Test
    void longNamesAreCutToAHundredAndTwentyCharacters() {
        String name = Attachments.safeFileName("ø".repeat(300) + ".pdf", "pdf");
        assertThat(name).hasSize(120).endsWith("ø.pdf");
    }
}
