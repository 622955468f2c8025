import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL rule files below, applied as they are (written in the shape of `npm run sql:migration`, which had not
 * landed yet); never edit it: change the file and generate a new migration.
 *   src/modules/network/sql/koers_participation_minutes.sql
 *   src/modules/network/sql/koers_vog_expiry.sql
 *   src/modules/trajectories/sql/koers_wi2021_term_end.sql
 */
export class AddNetworkRules1796123051645 implements MigrationInterface {
  name = 'AddNetworkRules1796123051645';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/network/sql/koers_participation_minutes.sql
    await queryRunner.query(`-- A trajectory's participation at network partners (Z-route norm, DOMAIN.md "Network"): the sum of the minutes of
-- its referrals' participation entries dated on or before p_until.
CREATE OR REPLACE FUNCTION koers_participation_minutes(p_trajectory_id uuid, p_until date)
RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(sum(pe.minutes), 0)::integer
    FROM referral r
    JOIN participation_entry pe ON pe.referral_id = r.id
   WHERE r.trajectory_id = p_trajectory_id
     AND pe.entry_date <= p_until
$$;`);
    // src/modules/network/sql/koers_vog_expiry.sql
    await queryRunner.query(`-- The college treats a volunteer's certificate of conduct (VOG) as expired 3 years after its issue date.
CREATE OR REPLACE FUNCTION koers_vog_expiry(p_vog_date date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (p_vog_date + interval '3 years')::date
$$;`);
    // src/modules/trajectories/sql/koers_wi2021_term_end.sql
    await queryRunner.query(`-- The wi2021 term: 3 years, starting the day after the first PIP date (DOMAIN.md). Returns the term's end, the day
-- 3 years after its start; null for other regimes or without a PIP date.
CREATE OR REPLACE FUNCTION koers_wi2021_term_end(p_legal_regime varchar, p_pip_date date)
RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_legal_regime = 'wi2021' AND p_pip_date IS NOT NULL
              THEN ((p_pip_date + 1) + interval '3 years')::date END
$$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION koers_participation_minutes(uuid, date)`);
    await queryRunner.query(`DROP FUNCTION koers_vog_expiry(date)`);
    await queryRunner.query(`DROP FUNCTION koers_wi2021_term_end(character varying, date)`);
  }
}
