import { Contract } from './contract.entity';
import { ContractProduct } from './contract-product.entity';
export const ContractEntities = [Contract, ContractProduct];
