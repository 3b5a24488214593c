/**
 * The ways in: the public submission form at {@code /} and its receipt at {@code /receipt}: a one-time form key so
 * that a double click or a refresh never makes two cases, a honeypot, and the per-client rate limit on
 * submissions (also on the JSON API); and the form staff fill in for a citizen met in person, by phone or by letter
 * at {@code /registrer}, with the same checks ({@code FormChecks}) and key, and its printed receipt
 * ({@code ReceiptPdf}). The case itself is registered by {@link dk.initiativ.initiative.SubmissionService}.
 */
package dk.initiativ.submission;
