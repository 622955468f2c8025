import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by `npm run sql:migration` from the SQL rule files below; never edit it: change the file and generate a
 * new migration. Down restores the definitions as the database held them before.
 *   src/modules/signals/sql/koers_signal_report_due.sql
 */
export class AddSignalReportDue1796133526533 implements MigrationInterface {
  name = 'AddSignalReportDue1796133526533';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // src/modules/signals/sql/koers_signal_report_due.sql
    await queryRunner.query(`-- The last day a signal raised on p_raised may be reported to the municipality on time: the 5th working day after it
-- (Monday to Friday; public holidays are not known to Koers). Reported later, or still unreported after it: over tijd.
CREATE OR REPLACE FUNCTION koers_signal_report_due(p_raised date)
 RETURNS date
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
  SELECT p_raised + i FROM generate_series(1, 9) i
   WHERE extract(isodow FROM p_raised + i) < 6 ORDER BY i OFFSET 4 LIMIT 1
$function$;`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS koers_signal_report_due(p_raised date)`);
  }
}
