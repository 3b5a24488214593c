package dk.initiativ.catalog;

import jakarta.persistence.Entity;

/** A district (local area) of the municipality that an initiative belongs to. */
@Entity
class District extends CatalogItem {

    protected District() {
    }

    District(String code, String nameDa, String nameEn) {
        super(code, nameDa, nameEn);
    }
}
