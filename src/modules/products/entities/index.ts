import { Product } from './product.entity';
export const ProductEntities = [Product];
