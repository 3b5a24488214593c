package dk.initiativ.catalog;

import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What topics and districts share: a code, a Danish and an English name, and whether it is still
 * offered. Inactive ones are kept for old cases.
 */
@MappedSuperclass
abstract class CatalogItem {

    @Id
    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String nameDa;

    @Column(nullable = false)
    private String nameEn;

    @Column(nullable = false)
    private boolean active;

    @Version
    private long version;

    protected CatalogItem() {
    }

    CatalogItem(String code, String nameDa, String nameEn) {
        this.code = code;
        this.nameDa = nameDa;
        this.nameEn = nameEn;
        this.active = true;
    }

    String getCode() {
        return code;
    }

    String getNameDa() {
        return nameDa;
    }

    String getNameEn() {
        return nameEn;
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }

    /** An admin's new names (issue 13). */
    void rename(String nameDa, String nameEn) {
        this.nameDa = nameDa;
        this.nameEn = nameEn;
    }

    /** Retired (no longer offered for new choices, still named on old cases) or taken back into use. */
    void setActive(boolean active) {
        this.active = active;
    }

    String name(Locale locale) {
        return LocalizedName.choose(locale, nameDa, nameEn);
    }

    CatalogEntry toEntry(Locale locale) {
        return new CatalogEntry(code, name(locale));
    }
}
