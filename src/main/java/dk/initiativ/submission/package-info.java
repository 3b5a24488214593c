/**
 * The public submission form at {@code /} and its receipt at {@code /receipt}: a one-time form key so
 * that a double click or a refresh never makes two cases, a honeypot, and the per-client rate limit on
 * submissions (also on the JSON API). The case itself is registered by
 * {@link dk.initiativ.initiative.SubmissionService}.
 */
package dk.initiativ.submission;
