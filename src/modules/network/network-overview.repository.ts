import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NetworkOverviewDto } from './dto/network-overview.dto';
import { NETWORK_THEMES, PARTNER_KINDS, VOG_WARNING_DAYS } from './network-vocabulary';

/** The network overview of one municipality, each part one query in the database. */
@Injectable()
export class NetworkOverviewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async municipality(id: string): Promise<{ id: string; name: string } | null> {
    const rows = await this.db.query(`SELECT id, name FROM municipality WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async overview(municipalityId: string, name: string, today: string): Promise<NetworkOverviewDto> {
    const [kinds, themes, perPartner, share, expiring, missing] = await Promise.all([
      this.db.query(
        `SELECT k.kind, count(np.id)::int AS partners
           FROM unnest($2::varchar[]) WITH ORDINALITY k(kind, n)
           LEFT JOIN network_partner np ON np.kind = k.kind AND np.municipality_id = $1 AND np.active
          GROUP BY k.kind, k.n ORDER BY k.n`,
        [municipalityId, PARTNER_KINDS],
      ),
      this.db.query(
        `SELECT th.theme, count(np.id)::int AS partners
           FROM unnest($2::varchar[]) WITH ORDINALITY th(theme, n)
           LEFT JOIN network_partner np ON th.theme = ANY (np.themes) AND np.municipality_id = $1 AND np.active
          GROUP BY th.theme, th.n ORDER BY th.n`,
        [municipalityId, NETWORK_THEMES],
      ),
      this.db.query(
        `SELECT np.id AS "partnerId", np.name, np.kind, np.active, count(r.id)::int AS total,
                count(r.id) FILTER (WHERE r.status = 'planned')::int AS planned,
                count(r.id) FILTER (WHERE r.status = 'first_contact')::int AS "firstContact",
                count(r.id) FILTER (WHERE r.status = 'participating')::int AS participating,
                count(r.id) FILTER (WHERE r.status = 'ended')::int AS ended,
                count(r.id) FILTER (WHERE r.status = 'not_started')::int AS "notStarted",
                coalesce((SELECT sum(pe.minutes) FROM participation_entry pe JOIN referral r2 ON r2.id = pe.referral_id WHERE r2.partner_id = np.id), 0)::int AS "participationMinutes"
           FROM network_partner np LEFT JOIN referral r ON r.partner_id = np.id
          WHERE np.municipality_id = $1
          GROUP BY np.id ORDER BY count(r.id) DESC, lower(np.name), np.id`,
        [municipalityId],
      ),
      this.db.query(
        `SELECT count(*)::int AS "withFirstContact",
                count(*) FILTER (WHERE r.accompanied_by_volunteer_id IS NOT NULL OR r.accompanied_by_user_id IS NOT NULL)::int AS accompanied
           FROM referral r JOIN network_partner np ON np.id = r.partner_id
          WHERE np.municipality_id = $1 AND r.first_contact_date IS NOT NULL`,
        [municipalityId],
      ),
      this.db.query(
        `SELECT v.id, v.name, np.name AS "partnerName", to_char(v.vog_date, 'YYYY-MM-DD') AS "vogDate",
                to_char(koers_vog_expiry(v.vog_date), 'YYYY-MM-DD') AS "vogExpiresOn", (koers_vog_expiry(v.vog_date) - $2::date) AS "daysLeft"
           FROM volunteer v LEFT JOIN network_partner np ON np.id = v.partner_id
          WHERE v.municipality_id = $1 AND v.active AND v.vog_date IS NOT NULL
            AND koers_vog_expiry(v.vog_date) > $2::date AND koers_vog_expiry(v.vog_date) <= $2::date + $3::int
          ORDER BY koers_vog_expiry(v.vog_date), lower(v.name), v.id`,
        [municipalityId, today, VOG_WARNING_DAYS],
      ),
      this.db.query(
        `SELECT count(*)::int AS n FROM volunteer v
          WHERE v.municipality_id = $1 AND v.active AND (v.vog_date IS NULL OR koers_vog_expiry(v.vog_date) <= $2::date)`,
        [municipalityId, today],
      ),
    ]);
    const { withFirstContact, accompanied } = share[0];
    return {
      municipalityId,
      municipalityName: name,
      today,
      activePartners: kinds.reduce((s: number, k: { partners: number }) => s + k.partners, 0),
      partnersPerKind: kinds,
      partnersPerTheme: themes,
      referralsPerPartner: perPartner,
      accompaniedFirstContact: {
        withFirstContact,
        accompanied,
        share: withFirstContact > 0 ? Math.round((accompanied / withFirstContact) * 10_000) / 10_000 : null,
      },
      vogExpiringSoon: expiring,
      vogMissingOrExpired: missing[0].n,
    };
  }
}
