import { DataSource } from 'typeorm';
import { Municipality } from '../../src/modules/municipalities/entities/municipality.entity';
import { TWENTE_MUNICIPALITIES } from '../../src/modules/municipalities/twente';
import { Product } from '../../src/modules/products/entities/product.entity';
import { STANDARD_PRODUCTS } from '../../src/modules/products/standard-products';

export interface Reference {
  /** name → id, e.g. municipalities.Enschede */
  municipalities: Record<string, string>;
  /** code → id, e.g. products['B1-ROUTE'] */
  products: Record<string, string>;
}

/** The 14 Twente municipalities and the 4 standard products. */
export async function seedReference(db: DataSource): Promise<Reference> {
  const ms = await db.getRepository(Municipality).save(
    TWENTE_MUNICIPALITIES.map((m) => ({ ...m, debtorNumber: `DEB-${m.cbsCode.slice(2)}` })),
  );
  const ps = await db.getRepository(Product).save(STANDARD_PRODUCTS.map((p) => ({ ...p, defaultTargets: { ...p.defaultTargets }, requiredDomains: [...p.requiredDomains] })));
  return {
    municipalities: Object.fromEntries(ms.map((m) => [m.name, m.id])),
    products: Object.fromEntries(ps.map((p) => [p.code, p.id])),
  };
}
