package dk.initiativ.catalog;

import jakarta.persistence.Entity;

/** A topic an initiative can be about (natur og miljø, kultur og fritid, ...). */
@Entity
class Topic extends CatalogItem {

    protected Topic() {
    }

    Topic(String code, String nameDa, String nameEn) {
        super(code, nameDa, nameEn);
    }
}
