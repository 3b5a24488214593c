package dk.initiativ.initiative;

/** Case numbers read well on the phone and in a letter: {@code INI-2026-00042}. */
final class CaseNumbers {

    private CaseNumbers() {
    }

    static String format(int year, long sequence) {
        return "INI-%d-%05d".formatted(year, sequence);
    }
}
