-- Upgrade a store made before sektor_kode: participant.sektor becomes the ENUM (every value is a code of
-- domain.SECTORS already, the validator admits no other).
alter table participant alter sektor type sektor_kode
