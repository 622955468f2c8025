import { PortfolioEvidence } from './portfolio-evidence.entity';
import { PortfolioItem } from './portfolio-item.entity';
export const PortfolioEntities = [PortfolioItem, PortfolioEvidence];
