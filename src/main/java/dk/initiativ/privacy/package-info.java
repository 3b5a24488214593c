/**
 * Privacy: the log of staff access to citizens' personal data (issue 12, ADR 0028). Every door that shows a staff
 * member a citizen's personal data writes {@link dk.initiativ.privacy.AccessLog} records in the same request and
 * declares so with {@link dk.initiativ.web.AccessLogged}; every other door declares
 * {@link dk.initiativ.web.NotAccessLogged} with its reason, and a test fails on a door that declares neither.
 * Admins search and export the log; the citizen sees when and why their case was looked at, without names; a job
 * deletes records older than the configured period ({@link dk.initiativ.privacy.AccessLogProperties}).
 * <p>
 * Retention (ADR 0032): a job anonymises closed cases once their period per outcome has passed
 * ({@link dk.initiativ.privacy.AnonymisationProperties}), and an admin erases a case's personal data at once on
 * request ({@link dk.initiativ.privacy.CaseErasure}).
 */
package dk.initiativ.privacy;
