import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ContractRef {
  id: string;
  municipalityId: string;
  validFrom: string;
  validTo: string | null;
}

export interface ProductRef {
  id: string;
  active: boolean;
  legalRegime: string;
  contractedHours: number;
  plannedDurationWeeks: number;
  defaultTargets: Record<string, string>;
}

/** Reads of other modules' tables that creating a trajectory checks against (schema is shared, services are not). */
@Injectable()
export class TrajectoryReferencesRepository {
  async learnerExists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM learner WHERE id = $1`, [id])).length > 0;
  }

  async municipalityExists(m: EntityManager, id: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM municipality WHERE id = $1`, [id])).length > 0;
  }

  async findContract(m: EntityManager, id: string): Promise<ContractRef | null> {
    const rows = await m.query(
      `SELECT id, municipality_id AS "municipalityId", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
              to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
         FROM contract WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async contractIncludesProduct(m: EntityManager, contractId: string, productId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM contract_product WHERE contract_id = $1 AND product_id = $2`, [contractId, productId])).length > 0;
  }

  async findProduct(m: EntityManager, id: string): Promise<ProductRef | null> {
    const rows = await m.query(
      `SELECT id, active, legal_regime AS "legalRegime", contracted_hours AS "contractedHours",
              planned_duration_weeks AS "plannedDurationWeeks", default_targets AS "defaultTargets"
         FROM product WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }
}
