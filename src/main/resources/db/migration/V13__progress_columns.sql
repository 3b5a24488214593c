-- A follow-up's progress and milestone become columns of their timeline entry instead of the text
-- "60 %: the milestone" that the tracking page parsed back out (ADR 0010). The timeline still shows
-- that text; it is now put together from the two columns.
ALTER TABLE case_event
    ADD COLUMN progress_percent INT           NULL AFTER related_case_number,
    ADD COLUMN milestone        VARCHAR(1000) NULL AFTER progress_percent,
    ADD CONSTRAINT ck_case_event_progress CHECK (progress_percent IS NULL OR progress_percent BETWEEN 0 AND 100);

-- Existing follow-ups keep their figures: "<percent> %: <milestone>" is split into the columns (MariaDB
-- assigns left to right, so detail is cleared after both columns have read it). A detail of any other
-- form, which the application never wrote, stays as it is.
UPDATE case_event
   SET progress_percent = CAST(SUBSTRING_INDEX(detail, ' %: ', 1) AS UNSIGNED),
       milestone        = SUBSTRING(detail, LOCATE(' %: ', detail) + 4),
       detail           = NULL
 WHERE type = 'PROGRESS_RECORDED'
   AND detail REGEXP '^[0-9]{1,3} %: '
   AND CAST(SUBSTRING_INDEX(detail, ' %: ', 1) AS UNSIGNED) <= 100
   AND CHAR_LENGTH(detail) - LOCATE(' %: ', detail) - 3 <= 1000;
