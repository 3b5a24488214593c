/** What citizens choose from: the municipality's topics and districts (local areas). */
package dk.initiativ.catalog;
