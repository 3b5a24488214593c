package dk.initiativ.catalog;

/** One choice of the catalog (a topic or a district): its stable code and its name in the caller's language. */
public record CatalogEntry(String code, String name) {
}
