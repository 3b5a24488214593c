/**
 * Administration (issue 13): the admin's start page and the change record of reference data (ADR 0030). Each
 * feature keeps the pages of its own reference data (pools in {@code funding}, staff profiles in {@code matching})
 * and writes every change through {@link dk.initiativ.admin.ReferenceChanges#record}, in the transaction of the
 * change itself; this module only stores and shows the record.
 */
package dk.initiativ.admin;
