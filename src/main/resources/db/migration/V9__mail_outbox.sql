-- The e-mail outbox: a mail is written here inside the business transaction and sent later by MailSender
-- on any node. Times are UTC. A row is claimed (claimed_by, claimed_until) by one node at a time; a claim
-- whose lease ran out (the node died mid-send) may be taken again.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    recipient       VARCHAR(320)  NOT NULL,
    subject         VARCHAR(998)  NOT NULL,
    text_body       MEDIUMTEXT    NOT NULL,
    html_body       MEDIUMTEXT    NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      TEXT          NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    claimed_by      VARCHAR(100)  NULL,
    claimed_until   DATETIME(6)   NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT ck_mail_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    INDEX ix_mail_outbox_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
