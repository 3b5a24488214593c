-- The municipality's population per district and age band (the public form's voluntary age bands), with the
-- source and the year of each figure: the denominators of the dashboard's "who engages" section (issue 11,
-- ADR 0026). The dashboard uses the latest year present. Administration of the figures comes in a later issue;
-- the demo seeds realistic figures (demo/population.yaml).
CREATE TABLE population (
    district_code  VARCHAR(40)  NOT NULL,
    age_band       VARCHAR(20)  NOT NULL,
    year           INT          NOT NULL,
    inhabitants    INT          NOT NULL,
    source         VARCHAR(300) NOT NULL,
    PRIMARY KEY (year, district_code, age_band),
    CONSTRAINT fk_population_district FOREIGN KEY (district_code) REFERENCES district (code),
    CONSTRAINT ck_population_age_band CHECK (age_band IN ('UNDER_18', 'FROM_18_TO_29', 'FROM_30_TO_49',
        'FROM_50_TO_66', 'FROM_67')),
    CONSTRAINT ck_population_inhabitants CHECK (inhabitants >= 0),
    CONSTRAINT ck_population_year CHECK (year BETWEEN 1900 AND 2200)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
