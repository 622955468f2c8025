import { DocumentRecord } from './document.entity';
export const DocumentEntities = [DocumentRecord];
