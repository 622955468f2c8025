import { Municipality } from './municipality.entity';
export const MunicipalityEntities = [Municipality];
