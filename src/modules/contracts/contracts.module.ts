import { Module } from '@nestjs/common';
import { ContractRepository } from './contract.repository';
import { ContractWriteService } from './contract-write.service';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

@Module({ controllers: [ContractsController], providers: [ContractsService, ContractWriteService, ContractRepository] })
export class ContractsModule {}
