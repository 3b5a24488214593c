package dk.initiativ.catalog;

import java.util.Locale;

/** Reference data is named in Danish and English: Danish for "da", English for every other language. */
final class LocalizedName {

    private LocalizedName() {
    }

    static String choose(Locale locale, String danish, String english) {
        return "da".equals(locale.getLanguage()) ? danish : english;
    }
}
