-- Anonymisation of closed cases (issue 12, ADR 0032). A case is anonymised once: anonymised_at says when, and the
-- job reads the cases still waiting for it straight from an index (closed and not yet anonymised), oldest closure
-- first, so that the many cases already anonymised are not in that index range at all.
ALTER TABLE initiative
    ADD COLUMN anonymised_at     DATETIME(6) NULL,
    ADD COLUMN anonymise_pending TINYINT AS (CASE WHEN stage = 'CLOSED' AND anonymised_at IS NULL THEN 1 END) PERSISTENT,
    ADD INDEX ix_initiative_anonymise_pending (anonymise_pending, closed_at);

-- The outbox names the case a mail is about, so that anonymisation removes that case's mails and no other's.
-- Rows written before this change get the first case number found in their subject or content.
ALTER TABLE mail_outbox
    ADD COLUMN case_number VARCHAR(20) NULL AFTER recipient,
    ADD INDEX ix_mail_outbox_case (case_number);

UPDATE mail_outbox
   SET case_number = COALESCE(
           NULLIF(REGEXP_SUBSTR(subject, '[A-Z]{2,5}-[0-9]{4}-[0-9]{1,10}'), ''),
           NULLIF(REGEXP_SUBSTR(COALESCE(content, text_body, ''), '[A-Z]{2,5}-[0-9]{4}-[0-9]{1,10}'), ''));
